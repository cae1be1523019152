package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteUrlsTest {

    @Test
    void removes_a_token_from_an_https_url() {
        assertThat(RemoteUrls.withoutCredentials("https://x-access-token:ghs_secret@github.com/acme/service.git"))
                .isEqualTo("https://github.com/acme/service.git");
    }

    @Test
    void keeps_an_scp_like_ssh_address() {
        assertThat(RemoteUrls.withoutCredentials("git@github.com:acme/service.git")).isEqualTo("git@github.com:acme/service.git");
    }

    @Test
    void removes_credentials_from_every_url_in_an_error_message() {
        assertThat(RemoteUrls.redact("fatal: unable to access 'https://user:pw@host/r.git/': Could not resolve host"))
                .isEqualTo("fatal: unable to access 'https://host/r.git/': Could not resolve host");
    }
}
