package com.renovation.media.variants.imaging.heif;

import com.renovation.media.storage.filetype.HeifMeta;

/**
 * A copy of a HEIF file in which every item but the primary one is marked hidden (the lowest flag bit of its
 * infe entry: one byte each, nothing moves). {@code heif-convert} decodes and writes every image that is not
 * hidden, a thumbnail or an auxiliary image; a file holding a thousand images would be a thousand decodes.
 * Hidden items still serve the primary one: grid tiles, its alpha plane, its metadata.
 */
final class PrimaryImageOnly {

    private PrimaryImageOnly() {
    }

    static byte[] of(byte[] source, HeifMeta meta) {
        byte[] copy = source.clone();
        for (HeifMeta.Item item : meta.items()) {
            if (item.id() != meta.primaryItem()) {
                copy[item.flagsByte()] |= 1;
            }
        }
        return copy;
    }
}
