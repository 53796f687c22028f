package com.phuketapp.catalog.domain;

/** An enum whose constants travel as lowercase codes in the API and the database. */
public interface CatalogCode {

    String code();
}
