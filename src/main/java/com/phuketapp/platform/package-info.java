/**
 * Platform: what every endpoint reuses — the response envelope and error codes, request ids, pagination, language,
 * security headers, health and observability. It depends on no feature module.
 */
@NullMarked
package com.phuketapp.platform;

import org.jspecify.annotations.NullMarked;
