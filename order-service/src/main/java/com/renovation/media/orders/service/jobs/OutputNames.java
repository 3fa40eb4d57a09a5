package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.orders.ProcessingService;

/**
 * The file name an output is shown under: the original's name (its storage key's last part, without the
 * platform's timestamp prefix and its extension) with "-restored" or "-render", and the output's extension.
 */
public final class OutputNames {

    private OutputNames() {
    }

    public static String of(String originalKey, ProcessingService service, String contentType) {
        String name = originalKey == null ? "" : originalKey.substring(originalKey.lastIndexOf('/') + 1);
        name = name.replaceFirst("^[0-9]+_", "");
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || name.chars().allMatch(c -> c == '_' || c == '.')) {
            name = "photo";
        }
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        String suffix = service == ProcessingService.RESTORATION ? "-restored" : "-render";
        String extension = switch (contentType == null ? "" : contentType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
        return name + suffix + extension;
    }
}
