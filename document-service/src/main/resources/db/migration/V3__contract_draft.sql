-- Contract drafts are a document type too.
ALTER TABLE document_artifacts
    DROP CONSTRAINT check_document_type,
    ADD CONSTRAINT check_document_type CHECK (document_type IN ('checklist_pdf', 'plan_pdf', 'estimate_pdf',
        'room_report_pdf', 'contract_draft'));
