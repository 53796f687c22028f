package com.phuketapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class ClientAddressFilterTest {

    private final ClientAddressFilter filter = new ClientAddressFilter(
            new WebProperties(DataSize.ofKilobytes(256), List.of("10.0.0.0/8", " 2001:db8::/32"), List.of(), 200));

    @Test
    void anUntrustedPeerCannotChooseItsAddressOrScheme() throws Exception {
        HttpServletRequest seen = pass("203.0.113.7", "1.2.3.4", "https");

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() throws Exception {
        HttpServletRequest seen = pass("10.0.0.5", "6.6.6.6, 198.51.100.9, 10.1.2.3", "https");

        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.9");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void ipv6ProxiesAndGarbageInTheChain() throws Exception {
        assertThat(pass("2001:db8::1", "2a00:1450::200e", null).getRemoteAddr()).isEqualTo("2a00:1450::200e");
        assertThat(pass("10.0.0.5", "<script>, 10.0.0.9", null).getRemoteAddr()).isEqualTo("10.0.0.9");
        assertThat(pass("10.0.0.5", null, null).getRemoteAddr()).isEqualTo("10.0.0.5");
    }

    @Test
    void theClientIsItsAddressWithoutThePortAProxyAdds() throws Exception {
        assertThat(pass("10.0.0.5", "198.51.100.9:51234", null).getRemoteAddr()).isEqualTo("198.51.100.9");
        assertThat(pass("10.0.0.5", "[2a00:1450::200e]:443, 10.0.0.9:80", null).getRemoteAddr())
                .isEqualTo("2a00:1450::200e");
        assertThat(pass("10.0.0.5", "[2a00:1450::200e", null).getRemoteAddr()).isEqualTo("10.0.0.5");
    }

    private HttpServletRequest pass(String peer, String forwardedFor, String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/areas");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
