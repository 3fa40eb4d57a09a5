package com.renovation.media.assets.service.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a service class: each of its {@code @WithTransaction} methods first tells the audit log's triggers who is
 * making the change ({@link AuditActor}). The triggers record every change anyway; this names the actor.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedChanges {
}
