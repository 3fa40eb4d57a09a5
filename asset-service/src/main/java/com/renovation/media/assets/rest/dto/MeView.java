package com.renovation.media.assets.rest.dto;

import com.renovation.media.web.security.Caller;

/**
 * Who the token says the caller is, as the services read it: the subject everything they own is keyed on, and
 * whether they hold the admin role (a client cannot tell from the token alone: the roles claim is configuration).
 */
public record MeView(String sub, boolean admin) {

    public static MeView of(Caller caller) {
        return new MeView(caller.userId(), caller.admin());
    }
}
