/**
 * Catalog: vehicles, properties and tours with their texts in English and Russian, the areas of Phuket, search, and
 * the cache in front of them. Flat reads and writes: the domain is thin here.
 */
@NullMarked
package com.phuketapp.catalog;

import org.jspecify.annotations.NullMarked;
