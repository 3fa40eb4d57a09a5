package com.renovation.media.variants.service;

/**
 * The source was deleted (or its session erased) after its variants were uploaded and before their rows
 * committed. Thrown inside the recording transaction so that it rolls back: the event stays unrecorded, the
 * consumer tries it again, and that attempt finds the source deleted and removes what was uploaded.
 */
public class SourceDeletedMeanwhile extends RuntimeException {

    public SourceDeletedMeanwhile(SourceImage source) {
        super(source + " was deleted while its variants were made");
    }
}
