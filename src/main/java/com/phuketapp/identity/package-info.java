/**
 * Identity: accounts, passwords, tokens, roles, devices, and the GDPR rights of access and erasure. Other modules see
 * the caller as platform's {@code AuthenticatedUser}; this module is what makes one.
 */
@NullMarked
package com.phuketapp.identity;

import org.jspecify.annotations.NullMarked;
