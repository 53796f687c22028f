package com.phuketapp.catalog.domain;

import java.math.BigDecimal;

public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {}
