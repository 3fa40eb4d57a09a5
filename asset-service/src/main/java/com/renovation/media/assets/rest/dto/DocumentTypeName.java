package com.renovation.media.assets.rest.dto;

import com.renovation.media.contracts.documents.DocumentType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value names a {@link DocumentType} (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DocumentTypeName.Check.class)
public @interface DocumentTypeName {

    String message() default "must name a document type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says which values there are, from the enum, so the message cannot drift from it. */
    class Check implements ConstraintValidator<DocumentTypeName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || DocumentType.find(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + DocumentType.allValues())
                    .addConstraintViolation();
            return false;
        }
    }
}
