package com.phuketapp.identity.web;

import com.phuketapp.identity.domain.AccountService;
import com.phuketapp.identity.domain.AccountService.Export;
import com.phuketapp.identity.domain.AccountService.ExportedDevice;
import com.phuketapp.identity.domain.AccountService.ProfileChange;
import com.phuketapp.identity.web.IdentityHttp.DeviceRequest;
import com.phuketapp.identity.web.IdentityHttp.PasswordChangeRequest;
import com.phuketapp.identity.web.IdentityHttp.ProfileRequest;
import com.phuketapp.identity.web.IdentityHttp.UserView;
import com.phuketapp.platform.AuthenticatedUser;
import com.phuketapp.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in traveller's own account (contract → Users). */
@RestController
@RequestMapping("/v1/users/me")
@RateLimited(RateLimited.Category.USER)
class UserController {

    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    UserView me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return UserView.of(accounts.account(caller.id()));
    }

    @PatchMapping
    UserView update(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody ProfileRequest body) {
        return UserView.of(
                accounts.updateProfile(caller.id(), new ProfileChange(body.fullName(), body.phone(), body.locale())));
    }

    /** Every login of the account ends, this one included. */
    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            @AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody PasswordChangeRequest body,
            HttpServletRequest request) {
        accounts.changePassword(caller, body.currentPassword(), body.newPassword(), request.getRemoteAddr());
    }

    /** GDPR right of access: everything held about the caller. */
    @GetMapping("/export")
    Export export(@AuthenticationPrincipal AuthenticatedUser caller) {
        return accounts.export(caller.id());
    }

    /** GDPR right to erasure: personal data erased, bookings kept without it, every token dead. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@AuthenticationPrincipal AuthenticatedUser caller) {
        accounts.erase(caller);
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    ExportedDevice registerDevice(
            @AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody DeviceRequest body) {
        return accounts.registerDevice(caller.id(), body.token(), body.platform());
    }
}
