package com.phuketapp.catalog.domain;

/** One of Phuket's areas (Patong, Kata, …): what the {@code area} filter takes, by its code. */
public record Area(String code, LocalizedText name, GeoPoint location) {}
