package com.phuketapp.catalog.domain;

import com.phuketapp.catalog.ItemKind;
import java.lang.reflect.Method;
import java.util.UUID;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.stereotype.Component;

/**
 * The cache key of {@link CatalogService#bookableItem}, built by the same {@link CatalogCaches#bookableKey} its
 * eviction uses: checked by the compiler, where an expression naming the method would break only at run time, and not
 * evaluated anew on every booking and quote.
 */
@Component(BookableItemKeys.NAME)
class BookableItemKeys implements KeyGenerator {

    static final String NAME = "bookableItemKeys";

    @Override
    public Object generate(Object target, Method method, Object... params) {
        return CatalogCaches.bookableKey((ItemKind) params[0], (UUID) params[1]);
    }
}
