package com.phuketapp.platform;

/**
 * Which page of a list the client asked for ({@code ?page=1&per_page=20}). Bound and checked by platform for every
 * list endpoint: a controller parameter of this type is all it takes.
 */
public record PageQuery(int page, int perPage) {

    public static final int MAX_PER_PAGE = 100;
    public static final int DEFAULT_PER_PAGE = 20;

    public PageQuery {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page " + page + ", per_page " + perPage);
        }
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
