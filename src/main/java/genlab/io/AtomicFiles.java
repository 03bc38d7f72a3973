package genlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old contents or the complete new contents, never a
 * half-written file.
 *
 * <p>Recipe: create a temporary file {@code .NAME.RANDOM.tmp} in the target's own directory (a
 * rename is only atomic within one file system), write everything into it, {@code fsync} it, rename
 * it over the target with {@link StandardCopyOption#ATOMIC_MOVE} (falling back to
 * {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot move atomically), then
 * {@code fsync} the directory so the rename itself survives a power cut (best effort: not every
 * platform lets a directory be opened). If anything fails before the rename, the temporary file is
 * deleted and the target is untouched.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Fills the channel of the temporary file. */
    @FunctionalInterface
    interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws UncheckedIOException naming the target when the file system fails
     * @throws RuntimeException whatever {@code body} throws, after the temporary file is deleted
     */
    static void write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean moved = false;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e, e);
        } finally {
            if (tmp != null && !moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original failure is the one worth reporting.
                }
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; the data file itself is already on disk.
        }
    }

    /** Reads a whole file, naming it in the error. */
    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e, e);
        }
    }
}
