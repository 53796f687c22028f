package com.phuketapp.identity.web;

import com.phuketapp.identity.domain.AccountService;
import com.phuketapp.identity.web.IdentityHttp.UserView;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.PageQuery;
import com.phuketapp.platform.PageResult;
import com.phuketapp.platform.QueryParameters;
import com.phuketapp.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for admins (every path under {@code /v1/admin/} is for admins only). */
@RestController
@RequestMapping("/v1/admin/users")
@RateLimited(RateLimited.Category.ADMIN)
class AdminUserController {

    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Newest first; {@code email} keeps accounts whose email contains it. */
    @GetMapping
    PageResult<UserView> list(@RequestParam(required = false) @Nullable String email, PageQuery page) {
        QueryParameters parameters = new QueryParameters();
        String filter = email == null ? null : parameters.text("email", email, 1, 254);
        parameters.check();
        return accounts.accounts(filter, page).map(UserView::of);
    }

    /** The user's tokens stop working at once and they cannot sign in until enabled again. */
    @PostMapping("/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id, HttpServletRequest request) {
        accounts.setDisabled(admin, id, true, request.getRemoteAddr());
    }

    @PostMapping("/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID id, HttpServletRequest request) {
        accounts.setDisabled(admin, id, false, request.getRemoteAddr());
    }
}
