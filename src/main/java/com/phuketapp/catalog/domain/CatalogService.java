package com.phuketapp.catalog.domain;

import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.CatalogApi;
import com.phuketapp.catalog.ItemKind;
import com.phuketapp.catalog.domain.Filters.PropertyFilter;
import com.phuketapp.catalog.domain.Filters.TourFilter;
import com.phuketapp.catalog.domain.Filters.VehicleFilter;
import com.phuketapp.catalog.persistence.CatalogRepository;
import com.phuketapp.platform.InvalidInputException;
import com.phuketapp.platform.NotFoundException;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Catalog reads behind a cache (TTL from {@code spring.cache.*-time-to-live}, 1 h by default), and the writes that
 * evict exactly what they change. Cached values are language-neutral; the web layer picks the language.
 */
@Service
public class CatalogService implements CatalogApi {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    /** Longer than any read takes from fetching a row to putting it in the cache. */
    private static final Duration SECOND_EVICTION_AFTER = Duration.ofSeconds(2);

    private static final Duration EVICTION_RETRY_EVERY = Duration.ofSeconds(5);
    /** The caches' TTL (phuket.cache.ttl, 1 h): no entry from before the change outlives it. */
    private static final Duration EVICTIONS_RETRIED_FOR = Duration.ofHours(1);

    private final CatalogRepository repository;
    private final CacheManager caches;
    private final TaskScheduler scheduler;
    private final Clock clock;

    CatalogService(CatalogRepository repository, CacheManager caches, TaskScheduler scheduler, Clock clock) {
        this.repository = repository;
        this.caches = caches;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Cacheable(cacheNames = CatalogCaches.AREAS, key = "'all'")
    public List<Area> areas() {
        return repository.areas();
    }

    @Cacheable(cacheNames = CatalogCaches.VEHICLE_PAGES, key = "#filter.toString() + #page.toString()")
    public PageResult<Vehicle> vehicles(VehicleFilter filter, PageQuery page) {
        return repository.vehicles(filter, page);
    }

    @Cacheable(cacheNames = CatalogCaches.PROPERTY_PAGES, key = "#filter.toString() + #page.toString()")
    public PageResult<Property> properties(PropertyFilter filter, PageQuery page) {
        return repository.properties(filter, page);
    }

    @Cacheable(cacheNames = CatalogCaches.TOUR_PAGES, key = "#filter.toString() + #page.toString()")
    public PageResult<Tour> tours(TourFilter filter, PageQuery page) {
        return repository.tours(filter, page);
    }

    @Cacheable(cacheNames = CatalogCaches.VEHICLES, key = "#id", unless = "#result == null")
    public Optional<Vehicle> vehicle(UUID id) {
        return repository.vehicle(id);
    }

    @Cacheable(cacheNames = CatalogCaches.PROPERTIES, key = "#id", unless = "#result == null")
    public Optional<Property> property(UUID id) {
        return repository.property(id);
    }

    @Cacheable(cacheNames = CatalogCaches.TOURS, key = "#id", unless = "#result == null")
    public Optional<Tour> tour(UUID id) {
        return repository.tour(id);
    }

    /** @param query already trimmed and length-checked by the caller */
    @Cacheable(cacheNames = CatalogCaches.SEARCH, key = "#query.toLowerCase() + #page.toString()")
    public PageResult<SearchHit> search(String query, PageQuery page) {
        return repository.search(query, page);
    }

    /**
     * Cached like the details: every booking and quote asks for its item, and an admin's change evicts it on every
     * instance at once.
     */
    @Override
    @Cacheable(
            cacheNames = CatalogCaches.BOOKABLE_ITEMS,
            keyGenerator = BookableItemKeys.NAME,
            unless = "#result == null")
    public Optional<BookableItem> bookableItem(ItemKind kind, UUID id) {
        return repository.bookableItem(kind, id);
    }

    /** Adds an item from an admin's request body (see {@link ItemFields}); it is on sale at once. */
    public UUID create(ItemKind kind, JsonNode body) {
        Map<String, ItemFields.Value> values = ItemFields.parse(kind, body, true);
        checkArea(values);
        UUID id = write(() -> repository.insert(kind, values));
        evict(kind, id);
        return id;
    }

    /** Changes the fields the body names and leaves the others as they are. */
    public void update(ItemKind kind, UUID id, JsonNode body) {
        Map<String, ItemFields.Value> values = ItemFields.parse(kind, body, false);
        checkArea(values);
        if (!write(() -> repository.update(kind, id, values))) {
            throw new NotFoundException("error.catalog.itemNotFound");
        }
        evict(kind, id);
    }

    private void checkArea(Map<String, ItemFields.Value> values) {
        ItemFields.Value area = values.get("area_code");
        if (area != null && areas().stream().noneMatch(known -> known.code().equals(area.value()))) {
            throw InvalidInputException.of("area", "validation.unknownArea");
        }
    }

    /** The table's own checks (minimum nights above the maximum, say) are a 400 too. */
    private static <T> T write(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (DataIntegrityViolationException refused) {
            throw InvalidInputException.of("body", "validation.constraint");
        }
    }

    @Override
    public void setActive(ItemKind kind, UUID id, boolean active) {
        if (!repository.setActive(kind, id, active)) {
            throw new NotFoundException("error.catalog.itemNotFound");
        }
        evict(kind, id);
    }

    /**
     * Evicts what a committed change affects, now and once more a moment later: a read that fetched the old row just
     * before the commit may put it in the cache just after the first eviction, and would be served until its TTL.
     */
    private void evict(ItemKind kind, UUID id) {
        Instant giveUpAt = clock.instant().plus(EVICTIONS_RETRIED_FOR);
        evictNow(kind, id, giveUpAt);
        scheduler.schedule(() -> evictNow(kind, id, giveUpAt), clock.instant().plus(SECOND_EVICTION_AFTER));
    }

    /**
     * The change is committed whatever happens here. Should the cache be unreachable (Redis away for a moment, its
     * entries kept), the eviction is tried again until it succeeds: otherwise a deactivated item would stay bookable,
     * at its old price, until its entry's TTL. After that TTL there is nothing left to evict.
     */
    private void evictNow(ItemKind kind, UUID id, Instant giveUpAt) {
        try {
            cache(CatalogCaches.details(kind)).evict(id);
            cache(CatalogCaches.BOOKABLE_ITEMS).evict(CatalogCaches.bookableKey(kind, id));
            cache(CatalogCaches.pages(kind)).clear();
            cache(CatalogCaches.SEARCH).clear();
        } catch (RuntimeException cacheDown) {
            Instant retryAt = clock.instant().plus(EVICTION_RETRY_EVERY);
            if (retryAt.isAfter(giveUpAt)) {
                log.warn("Could not evict {} {} from the catalog caches; its entries have expired by now", kind, id);
                return;
            }
            log.warn("Could not evict {} {} from the catalog caches, trying again: {}", kind, id, cacheDown.toString());
            scheduler.schedule(() -> evictNow(kind, id, giveUpAt), retryAt);
        }
    }

    private Cache cache(String name) {
        Cache cache = caches.getCache(name);
        if (cache == null) {
            throw new IllegalStateException("No cache " + name);
        }
        return cache;
    }
}
