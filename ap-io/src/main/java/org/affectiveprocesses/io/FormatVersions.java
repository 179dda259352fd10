package org.affectiveprocesses.io;

/**
 * The versions of a file format that this SDK reads, and the first of them whose files must
 * carry checksums ({@value NpzArchive#CHECKSUMS}). A file of an older version is still read; its
 * checksums are verified when it has them.
 *
 * @param oldest the oldest version read
 * @param newest the newest version read (the one written)
 * @param checksumsFrom the first version whose files must carry checksums (above {@code newest}
 *     for none)
 */
public record FormatVersions(int oldest, int newest, int checksumsFrom) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code oldest > newest} or a version is below 1
     */
    public FormatVersions {
        if (oldest < 1 || newest < oldest || checksumsFrom < 1) {
            throw new IllegalArgumentException("need 1 <= oldest <= newest and checksumsFrom >= 1, got "
                    + oldest + ", " + newest + ", " + checksumsFrom);
        }
    }

    /**
     * Checks a manifest's {@code formatVersion} and, from {@code checksumsFrom} on, that its
     * archive carries checksums.
     *
     * @param manifest the manifest's fields
     * @param archive the archive it was read from
     * @return the file's version
     * @throws org.affectiveprocesses.api.ModelFormatException naming the file if the version is not
     *     read here or the checksums it requires are missing
     */
    public int check(Json.Fields manifest, NpzReader archive) throws org.affectiveprocesses.api.ModelFormatException {
        int version = manifest.formatVersion(oldest, newest);
        if (version >= checksumsFrom) {
            archive.requireChecksums("format version " + version);
        }
        return version;
    }
}
