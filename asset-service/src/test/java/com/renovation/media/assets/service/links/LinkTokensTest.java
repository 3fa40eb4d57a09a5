package com.renovation.media.assets.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void aTokenIs32RandomBytesInBase64UrlAndItsHashIsItsSecretsSha256() throws Exception {
        LinkTokens.Issued issued = LinkTokens.issue();
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        byte[] secret = Base64.getUrlDecoder().decode(issued.token());
        assertThat(secret).hasSize(32);
        assertThat(issued.hash()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(secret));
        assertThat(LinkTokens.hashOf(issued.token())).contains(issued.hash());
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(LinkTokens.issue().token())).isTrue();
        }
    }

    @Test
    void anythingNotShapedLikeAnIssuedTokenHasNoHash() {
        String token = LinkTokens.issue().token();
        for (String bad : new String[] {null, "", token.substring(1), token + "A", token + "=",
                token.substring(0, 42) + "+", token.substring(0, 42) + "/", "../" + token.substring(3),
                token.substring(0, 20) + "%00" + token.substring(23), " ".repeat(43)}) {
            assertThat(LinkTokens.hashOf(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void anotherSpellingOfTheSameSecretIsRefused() {
        // the last character carries 4 bits of the secret and 2 unused ones: only the spelling issued counts
        String token = LinkTokens.issue().token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(42));
        int accepted = 0;
        for (int unused = 0; unused < 4; unused++) {
            String spelling = token.substring(0, 42) + alphabet.charAt((last & ~3) | unused);
            if (LinkTokens.hashOf(spelling).isPresent()) {
                accepted++;
                assertThat(spelling).isEqualTo(token);
            }
        }
        assertThat(accepted).isEqualTo(1);
    }

    @Test
    void aTamperedTokenHashesToSomethingElse() {
        LinkTokens.Issued issued = LinkTokens.issue();
        char first = issued.token().charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + issued.token().substring(1);
        assertThat(LinkTokens.hashOf(tampered)).hasValueSatisfying(h -> assertThat(h).isNotEqualTo(issued.hash()));
    }
}
