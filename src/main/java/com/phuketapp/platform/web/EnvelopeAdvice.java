package com.phuketapp.platform.web;

import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.PublicCache;
import com.phuketapp.platform.RawBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Wraps what our controllers return in the contract's success envelope, so a controller returns plain data. A
 * {@link PageResult} becomes its items plus the pagination headers; {@link PublicCache} picks the caching policy.
 * Bodies that are already envelopes (errors) and framework endpoints (OpenAPI) pass through untouched.
 */
@RestControllerAdvice(basePackages = "com.phuketapp")
class EnvelopeAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !AnnotatedElementUtils.hasAnnotation(returnType.getContainingClass(), RawBody.class);
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Envelopes.Failure || body instanceof Envelopes.Success) {
            return body;
        }
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        cachePolicy(returnType, request, response.getHeaders());
        Object data = body;
        if (body instanceof PageResult<?> page) {
            paginationHeaders(page, servletRequest, response.getHeaders());
            data = page.items();
        }
        return new Envelopes.Success(data, Envelopes.Meta.of(RequestIds.of(servletRequest)));
    }

    private static void cachePolicy(MethodParameter returnType, ServerHttpRequest request, HttpHeaders headers) {
        PublicCache policy = returnType.hasMethodAnnotation(PublicCache.class)
                ? returnType.getMethodAnnotation(PublicCache.class)
                : AnnotatedElementUtils.findMergedAnnotation(returnType.getContainingClass(), PublicCache.class);
        if (policy != null && HttpMethod.GET.equals(request.getMethod())) {
            headers.setCacheControl("public, max-age=" + policy.maxAgeSeconds());
            headers.setVary(List.of(HttpHeaders.ACCEPT_LANGUAGE));
        } else {
            headers.setCacheControl("no-store");
        }
    }

    private static void paginationHeaders(PageResult<?> page, HttpServletRequest request, HttpHeaders headers) {
        int lastPage = Math.max(1, page.totalPages());
        headers.set("X-Total-Count", String.valueOf(page.totalCount()));
        headers.set("X-Page", String.valueOf(page.page()));
        headers.set("X-Per-Page", String.valueOf(page.perPage()));
        headers.set("X-Total-Pages", String.valueOf(page.totalPages()));

        UriComponentsBuilder self = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("per_page", page.perPage());
        List<String> links = new ArrayList<>();
        links.add(link(self, 1, "first"));
        if (page.page() > 1) {
            links.add(link(self, Math.min(page.page() - 1, lastPage), "prev"));
        }
        if (page.page() < lastPage) {
            links.add(link(self, page.page() + 1, "next"));
        }
        links.add(link(self, lastPage, "last"));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
    }

    private static String link(UriComponentsBuilder self, int page, String relation) {
        return "<" + self.cloneBuilder().replaceQueryParam("page", page).build().toUriString() + ">; rel=\"" + relation
                + "\"";
    }
}
