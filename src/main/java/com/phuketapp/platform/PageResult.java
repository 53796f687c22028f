package com.phuketapp.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the size of the whole list. A controller returns it as is; platform puts {@code items} in the
 * envelope's {@code data} and the rest in the pagination headers.
 */
public record PageResult<T>(List<T> items, int page, int perPage, long totalCount) {

    public PageResult {
        items = List.copyOf(items);
    }

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long totalCount) {
        return new PageResult<>(items, query.page(), query.perPage(), totalCount);
    }

    public int totalPages() {
        return (int) ((totalCount + perPage - 1) / perPage);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), page, perPage, totalCount);
    }
}
