package com.renovation.media.variants.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The version of a libwebp linked into a bundled native library, read from the library file itself (never
 * loaded or run): {@code WebPGetEncoderVersion()} is exported by every libwebp and compiles to a constant
 * return, {@code (major << 16) | (minor << 8) | revision}, which is decoded from its x86-64 or AArch64 code.
 * The JNI wrappers report no version of their own, and this is the code that actually ships.
 */
public record LibwebpVersion(int major, int minor, int revision) implements Comparable<LibwebpVersion> {

    /** The first upstream release with the fix for CVE-2023-4863 (heap overflow in lossless decoding). */
    public static final LibwebpVersion CVE_2023_4863_FIXED = new LibwebpVersion(1, 3, 2);

    public static final String ENCODER_SYMBOL = "WebPGetEncoderVersion";
    public static final String DECODER_SYMBOL = "WebPGetDecoderVersion";

    private static final int PT_LOAD = 1;
    private static final int SHT_DYNSYM = 11;
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

    public boolean hasCve20234863Fix() {
        return compareTo(CVE_2023_4863_FIXED) >= 0;
    }

    @Override
    public int compareTo(LibwebpVersion other) {
        return Integer.compare(packed(), other.packed());
    }

    private int packed() {
        return (major << 16) | (minor << 8) | revision;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + revision;
    }

    /** From a class-path resource holding an ELF shared library; empty when it is absent or not readable here. */
    public static Optional<LibwebpVersion> ofResource(ClassLoader loader, String resource, String symbol) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : ofElf(in.readAllBytes(), symbol);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Only 64-bit little-endian ELF for x86-64 and AArch64, the machines the worker runs on. */
    public static Optional<LibwebpVersion> ofElf(byte[] library, String symbol) {
        ByteBuffer elf = ByteBuffer.wrap(library).order(ByteOrder.LITTLE_ENDIAN);
        if (library.length < 64 || elf.getInt(0) != 0x464C457F || library[4] != 2 || library[5] != 1) {
            return Optional.empty();
        }
        int machine = elf.getShort(18) & 0xFFFF;
        try {
            long address = symbolAddress(elf, symbol);
            if (address < 0) {
                return Optional.empty();
            }
            int offset = fileOffset(elf, address);
            if (offset < 0 || offset + 12 > library.length) {
                return Optional.empty();
            }
            Integer value = switch (machine) {
                case EM_X86_64 -> x86ConstantReturn(elf, offset);
                case EM_AARCH64 -> aarch64ConstantReturn(elf, offset);
                default -> null;
            };
            return Optional.ofNullable(value).map(v -> new LibwebpVersion((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty(); // a truncated or unusual file: no version rather than a wrong one
        }
    }

    /** {@code mov eax, imm32; ret}. */
    private static Integer x86ConstantReturn(ByteBuffer elf, int offset) {
        return (elf.get(offset) & 0xFF) == 0xB8 && (elf.get(offset + 5) & 0xFF) == 0xC3 ? elf.getInt(offset + 1) : null;
    }

    /** {@code movz w0, #lo; movk w0, #hi, lsl #16; ret}, or {@code movz w0, #lo; ret}. */
    private static Integer aarch64ConstantReturn(ByteBuffer elf, int offset) {
        int first = elf.getInt(offset);
        if ((first & 0xFFE0001F) != 0x52800000) {
            return null;
        }
        int value = (first >>> 5) & 0xFFFF;
        int second = elf.getInt(offset + 4);
        if ((second & 0xFFE0001F) == 0x72A00000 && elf.getInt(offset + 8) == 0xD65F03C0) {
            return value | (((second >>> 5) & 0xFFFF) << 16);
        }
        return second == 0xD65F03C0 ? value : null;
    }

    private static long symbolAddress(ByteBuffer elf, String name) {
        long sectionTable = elf.getLong(0x28);
        int entrySize = elf.getShort(0x3A) & 0xFFFF;
        int count = elf.getShort(0x3C) & 0xFFFF;
        byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(sectionTable + (long) i * entrySize);
            if (elf.getInt(header + 4) != SHT_DYNSYM) {
                continue;
            }
            int symbols = Math.toIntExact(elf.getLong(header + 0x18));
            long size = elf.getLong(header + 0x20);
            int link = elf.getInt(header + 0x28);
            long symbolSize = elf.getLong(header + 0x38);
            int strings = Math.toIntExact(elf.getLong(Math.toIntExact(sectionTable + (long) link * entrySize) + 0x18));
            for (long s = 0; s < size / symbolSize; s++) {
                int symbol = Math.toIntExact(symbols + s * symbolSize);
                if (nameEquals(elf, strings + elf.getInt(symbol), wanted)) {
                    return elf.getLong(symbol + 8);
                }
            }
        }
        return -1;
    }

    private static boolean nameEquals(ByteBuffer elf, int at, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (elf.get(at + i) != wanted[i]) {
                return false;
            }
        }
        return elf.get(at + wanted.length) == 0;
    }

    private static int fileOffset(ByteBuffer elf, long address) {
        long programTable = elf.getLong(0x20);
        int entrySize = elf.getShort(0x36) & 0xFFFF;
        int count = elf.getShort(0x38) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(programTable + (long) i * entrySize);
            long offset = elf.getLong(header + 8);
            long virtual = elf.getLong(header + 0x10);
            long fileSize = elf.getLong(header + 0x20);
            if (elf.getInt(header) == PT_LOAD && address >= virtual && address < virtual + fileSize) {
                return Math.toIntExact(offset + (address - virtual));
            }
        }
        return -1;
    }

    /** The directory name the JNI wrapper keeps its Linux library under for this JVM's processor. */
    static Optional<String> linuxArchitecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("x86_64");
            case "aarch64", "arm64" -> Optional.of("aarch64");
            default -> Optional.empty();
        };
    }
}
