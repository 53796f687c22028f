package com.phuketapp.identity.domain;

/** A fresh token pair and the account it belongs to. */
public record Login(String accessToken, String refreshToken, long expiresInSeconds, Account user) {}
