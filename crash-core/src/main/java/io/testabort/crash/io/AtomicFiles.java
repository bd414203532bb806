package io.testabort.crash.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Every report is written through a temp file in the target's directory and an atomic rename, so a
 * reader (or a crash of this tool) never sees a half-written report and the input survives any failure.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the new content. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces (or creates) {@code target} with what {@code writer} writes; keeps the old file's
   * permissions. A symbolic link is followed: the file it names is replaced, and the link stays.
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = realTarget(target);
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = TempFiles.createBeside(absolute, ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.writeTo(out);
      }
      copyPermissions(absolute, tmp);
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (FileSystemException e) {
      throw tmp.toString().equals(e.getFile()) ? TempFiles.naming(target, e) : e;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * {@code target} as an absolute path, with the symbolic links that name it followed (a report kept
   * elsewhere and linked into the report folder): renaming onto the link would replace the link.
   */
  public static Path realTarget(Path target) throws IOException {
    Path p = target.toAbsolutePath();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
      p = p.getParent().resolve(Files.readSymbolicLink(p)); // a relative link is relative to its folder
    }
    return p;
  }

  /** Convenience for content that is already in memory. */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (src == null || dst == null) {
      return;
    }
    Set<PosixFilePermission> perms;
    if (Files.exists(from)) {
      perms = src.readAttributes().permissions();
    } else {
      // a new report gets the usual rw-r--r-- rather than the 0600 of a temp file
      perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    }
    dst.setPermissions(perms);
  }
}
