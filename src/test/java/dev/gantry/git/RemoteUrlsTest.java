package dev.gantry.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
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

    @Nested
    class The_source_url {

        @Test
        void is_the_same_https_address_for_every_spelling_of_a_github_remote() {
            for (String remote : new String[] {"git@github.com:acme/orders.git", "ssh://git@github.com/acme/orders.git",
                    "https://x-access-token:ghs_secret@github.com/acme/orders.git", "https://github.com/acme/orders",
                    "https://github.com/acme/orders/", "git://github.com/acme/orders.git", "github.com:acme/orders.git",
                    "git@GitHub.com:acme/orders.git", "ssh://git@github.com:22/acme/orders.git", "git+ssh://git@github.com/acme/orders"}) {
                assertThat(RemoteUrls.sourceUrl(remote)).as(remote).contains("https://github.com/acme/orders");
            }
        }

        @Test
        void keeps_the_scheme_and_port_of_an_http_remote_and_drops_an_ssh_port() {
            assertThat(RemoteUrls.sourceUrl("http://ci:pw@git.lan:8080/team/orders.git")).contains("http://git.lan:8080/team/orders");
            assertThat(RemoteUrls.sourceUrl("ssh://deploy:s3cret@git.example.com:2222/team/orders.git"))
                    .contains("https://git.example.com/team/orders");
            assertThat(RemoteUrls.sourceUrl("git@gitlab.example.com:group/sub/orders.git"))
                    .contains("https://gitlab.example.com/group/sub/orders");
        }

        @Test
        void is_none_for_a_local_remote_a_path_on_the_build_machine() {
            for (String remote : new String[] {"/srv/git/orders.git", "file:///srv/git/orders.git", "../orders.git",
                    "./orders", "C:\\git\\orders.git", "C:/git/orders.git", "", "  "}) {
                assertThat(RemoteUrls.sourceUrl(remote)).as(remote).isEmpty();
            }
            assertThat(RemoteUrls.sourceUrl(null)).isEmpty();
        }
    }
}
