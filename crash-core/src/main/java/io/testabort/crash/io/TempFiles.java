package io.testabort.crash.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * {@code Files.createTempFile(dir, prefix, suffix)} and {@code Files.createTempDirectory(dir, prefix)}
 * for the temp files next to a report: same owner-only permissions, same never-overwrite creation, but
 * names drawn from {@link ThreadLocalRandom}. The JDK draws them from a SecureRandom, whose first use
 * initialises the security providers: ~35 ms of CPU in every short report-tools run (measured, see
 * report-tools/bench/README.md). Unguessable names buy nothing here: the file is created exclusively
 * (O_EXCL), so a name taken by anyone else is just another draw.
 */
public final class TempFiles {
  private static final int ATTEMPTS = 100;

  private TempFiles() {}

  /** A new empty file {@code prefix + random + suffix} in {@code dir}, rw for its owner only where POSIX. */
  public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
    return create(dir, prefix, suffix, false, null);
  }

  /**
   * A new empty file {@code .NAME.<random><suffix>} beside {@code target} (absolute), where the new
   * content of {@code target} is written first. A failure names {@code target}: a user knows the report,
   * not our temp file.
   */
  public static Path createBeside(Path target, String suffix) throws IOException {
    try {
      return createFile(target.getParent(), "." + target.getFileName() + ".", suffix);
    } catch (FileSystemException e) {
      throw naming(target, e);
    }
  }

  /** {@code e}, of the same kind, about {@code target} instead of one of our files beside it. */
  public static FileSystemException naming(Path target, FileSystemException e) {
    String file = target.toString();
    String reason = e.getReason();
    FileSystemException named;
    if (e instanceof AccessDeniedException) {
      named = new AccessDeniedException(file, null, reason);
    } else if (e instanceof NoSuchFileException) {
      named = new NoSuchFileException(file, null, reason);
    } else {
      named = new FileSystemException(file, null, reason != null ? reason : e.getClass().getSimpleName());
    }
    named.initCause(e);
    return named;
  }

  /** A new empty directory {@code prefix + random} in {@code dir}, rwx for its owner only where POSIX. */
  public static Path createDirectory(Path dir, String prefix) throws IOException {
    return create(dir, prefix, "", true, null);
  }

  /** {@code random} null: ThreadLocalRandom (no lambda for it: a lambda's first use costs start-up too). */
  static Path create(Path dir, String prefix, String suffix, boolean directory, LongSupplier random) throws IOException {
    FileAttribute<?>[] attrs = ownerOnly(dir, directory);
    for (int attempt = 1; ; attempt++) {
      long n = random == null ? ThreadLocalRandom.current().nextLong() : random.getAsLong();
      Path p = dir.resolve(prefix + Long.toUnsignedString(n) + suffix);
      try {
        return directory ? Files.createDirectory(p, attrs) : Files.createFile(p, attrs);
      } catch (FileAlreadyExistsException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir, boolean directory) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    EnumSet<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    if (directory) {
      perms.add(PosixFilePermission.OWNER_EXECUTE);
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
  }
}
