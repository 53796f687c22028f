package com.phuketapp.platform;

/**
 * Declares (as a bean) a cache whose values live only in each instance's memory, never in Redis, while its evictions
 * still reach every instance. For values that must never outlive their eviction: with a shared copy, a read that
 * loaded the old value just before a change could write it back just after the eviction, for the shared TTL. In
 * memory a load and an eviction of one key never interleave.
 */
public record InstanceOnlyCache(String name) {}
