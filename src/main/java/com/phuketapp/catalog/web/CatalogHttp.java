package com.phuketapp.catalog.web;

/** HTTP caching of public catalog answers by clients and CDNs. */
final class CatalogHttp {

    /** Short enough that a deactivated item disappears from clients within minutes. */
    static final int CLIENT_CACHE_SECONDS = 300;

    private CatalogHttp() {}
}
