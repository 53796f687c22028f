package com.phuketapp.catalog;

import java.util.Optional;
import java.util.UUID;

/** What other modules (and admin tools) may ask of the catalog. */
public interface CatalogApi {

    /**
     * Takes an item off the catalog or puts it back. Its list pages, its detail and search results are evicted from
     * the cache at once, so no traveller sees a stale answer.
     *
     * @throws com.phuketapp.platform.NotFoundException when no such item exists
     */
    void setActive(ItemKind kind, UUID id, boolean active);

    /**
     * The item's booking terms, cached like its detail (a change evicts them on every instance); empty when no such
     * item exists.
     */
    Optional<BookableItem> bookableItem(ItemKind kind, UUID id);
}
