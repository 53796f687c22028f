package com.phuketapp.platform.web;

import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Binds {@code ?page=&per_page=} to a {@link PageQuery}; anything out of range is a 400 naming the parameter. */
class PageQueryResolver implements HandlerMethodArgumentResolver {

    /** Deep offsets are slow to serve and no person pages that far; search narrows instead. */
    static final int MAX_PAGE = 10_000;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        QueryParameters parameters = new QueryParameters();
        int page = parameters.integer("page", request.getParameter("page"), 1, MAX_PAGE, 1);
        int perPage = parameters.integer(
                "per_page", request.getParameter("per_page"), 1, PageQuery.MAX_PER_PAGE, PageQuery.DEFAULT_PER_PAGE);
        parameters.check();
        return new PageQuery(page, perPage);
    }
}
