/**
 * Reading inputs with errors that name the file, writing reports through a temp file and an atomic
 * rename, and process ids (whose process made a temp file, and whether it still runs).
 */
package io.testabort.crash.io;
