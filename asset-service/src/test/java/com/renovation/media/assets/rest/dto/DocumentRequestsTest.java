package com.renovation.media.assets.rest.dto;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.rest.dto.DocumentRequests.CreateDocument;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class DocumentRequestsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static CreateDocument of(String type) {
        return new CreateDocument(type, "design", null, "Title", null, null, null, null, null);
    }

    @Test
    void theTypeMustBeOneOfTheDocumentTypes() {
        assertThat(VALIDATOR.validate(of("estimate_pdf"))).isEmpty();
        assertThat(VALIDATOR.validate(of("poster_pdf"))).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("documentType");
            assertThat(v.getMessage()).isEqualTo("must be one of checklist_pdf, plan_pdf, estimate_pdf, room_report_pdf, contract_draft");
        });
        assertThat(VALIDATOR.validate(of(null))).singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("documentType"));
    }
}
