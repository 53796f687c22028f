package com.phuketapp.catalog.config;

import com.phuketapp.catalog.BookableItem;
import com.phuketapp.catalog.domain.Area;
import com.phuketapp.catalog.domain.CatalogCaches;
import com.phuketapp.catalog.domain.Property;
import com.phuketapp.catalog.domain.SearchHit;
import com.phuketapp.catalog.domain.Tour;
import com.phuketapp.catalog.domain.Vehicle;
import com.phuketapp.platform.PageResult;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * In Redis, each catalog cache stores JSON of one declared type: readable with {@code redis-cli}, stable across
 * deployments, and with no polymorphic type information to trust on the way back in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "phuket.cache.redis", havingValue = "true")
class CatalogCacheConfig {

    @Bean
    RedisCacheManagerBuilderCustomizer catalogRedisCaches(JsonMapper json) {
        TypeFactory types = json.getTypeFactory();
        Map<String, JavaType> valueTypes = Map.of(
                CatalogCaches.AREAS, types.constructCollectionType(List.class, Area.class),
                CatalogCaches.VEHICLE_PAGES, types.constructParametricType(PageResult.class, Vehicle.class),
                CatalogCaches.PROPERTY_PAGES, types.constructParametricType(PageResult.class, Property.class),
                CatalogCaches.TOUR_PAGES, types.constructParametricType(PageResult.class, Tour.class),
                CatalogCaches.SEARCH, types.constructParametricType(PageResult.class, SearchHit.class),
                CatalogCaches.VEHICLES, types.constructType(Vehicle.class),
                CatalogCaches.PROPERTIES, types.constructType(Property.class),
                CatalogCaches.TOURS, types.constructType(Tour.class),
                CatalogCaches.BOOKABLE_ITEMS, types.constructType(BookableItem.class));
        return builder -> {
            RedisCacheConfiguration defaults = builder.cacheDefaults();
            valueTypes.forEach((cache, type) -> builder.withCacheConfiguration(
                    cache,
                    defaults.disableCachingNullValues()
                            .serializeValuesWith(
                                    SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(json, type)))));
        };
    }
}
