package io.testabort.crash.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * {@code Files.createTempFile(dir, prefix, suffix)} and {@code Files.createTempDirectory(dir, prefix)}
 * for the temp files next to a report: same owner-only permissions, same never-overwrite creation, but
 * names drawn from {@link ThreadLocalRandom}. The JDK draws them from a SecureRandom, whose first use
 * initialises the security providers: ~35 ms of CPU in every short report-tools run (measured, see
 * report-tools/bench/README.md). Unguessable names buy nothing here: the file is created exclusively
 * (O_EXCL), so a name taken by anyone else is just another draw.
 *
 * <p>Each name carries the pid of the process that made it ({@code .r.csv.<pid>-<random>.tmp},
 * {@code .test-abort-rollback-<pid>-<random>}). A report-tools run killed mid-way (a CI timeout) leaves
 * them behind, and a rollback folder holds a hard link to each original report, so a 600 MB report's
 * old bytes stayed on disk for good. The first temp file a process makes in a folder therefore removes
 * the ones there whose process is gone; a live process's, another tool's and our own are left alone.
 */
public final class TempFiles {
  private static final int ATTEMPTS = 100;
  /** The prefix of a rollback folder ({@code Rollback} in report-tools). */
  public static final String ROLLBACK = ".test-abort-rollback-";
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
  private static final long PID = ProcessIds.current();

  private TempFiles() {}

  /** A new empty file {@code prefix + pid-random + suffix} in {@code dir}, rw for its owner only where POSIX. */
  public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
    return create(dir, prefix, suffix, false, null);
  }

  /**
   * A new empty file {@code .NAME.<pid>-<random><suffix>} beside {@code target} (absolute), where the new
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

  /** A new empty directory {@code prefix + pid-random} in {@code dir}, rwx for its owner only where POSIX. */
  public static Path createDirectory(Path dir, String prefix) throws IOException {
    return create(dir, prefix, "", true, null);
  }

  /** {@code random} null: ThreadLocalRandom (no lambda for it: a lambda's first use costs start-up too). */
  static Path create(Path dir, String prefix, String suffix, boolean directory, LongSupplier random) throws IOException {
    FileAttribute<?>[] attrs = ownerOnly(dir, directory);
    if (SWEPT.add(dir.toAbsolutePath())) {
      removeLeftovers(dir);
    }
    for (int attempt = 1; ; attempt++) {
      long n = random == null ? ThreadLocalRandom.current().nextLong() : random.getAsLong();
      Path p = dir.resolve(prefix + PID + "-" + Long.toUnsignedString(n) + suffix);
      try {
        return directory ? Files.createDirectory(p, attrs) : Files.createFile(p, attrs);
      } catch (FileAlreadyExistsException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Removes what killed processes left in {@code dir}; best effort: a temp file is never worth a failure. */
  static void removeLeftovers(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        long pid = leftoverPid(entry.getFileName().toString());
        if (pid > 0 && pid != PID && !ProcessIds.isAlive(pid)) {
          removeTree(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unlistable folder: the write that follows reports what is wrong with it
    }
  }

  /**
   * The pid in the name of a temp file ({@code .NAME.<pid>-<n>.tmp}, {@code .body}, {@code .blob}) or a
   * rollback folder ({@code .test-abort-rollback-<pid>-<n>}) of ours; -1 for any other name. No regex:
   * a short run would compile one for this alone.
   */
  static long leftoverPid(String name) {
    String idPart;
    if (name.startsWith(ROLLBACK)) {
      idPart = name.substring(ROLLBACK.length());
    } else if (name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(".body") || name.endsWith(".blob"))) {
      String stem = name.substring(0, name.lastIndexOf('.'));
      idPart = stem.substring(stem.lastIndexOf('.') + 1);
    } else {
      return -1;
    }
    int dash = idPart.indexOf('-');
    if (dash < 1 || dash > 18 || dash == idPart.length() - 1
        || !digits(idPart, 0, dash) || !digits(idPart, dash + 1, idPart.length())) {
      return -1;
    }
    return Long.parseLong(idPart.substring(0, dash));
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void removeTree(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
          for (Path child : children) {
            removeTree(child);
          }
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException e) {
      // left for the next run
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
