/** Reading inputs with errors that name the file, and writing reports through a temp file and an atomic rename. */
package io.testabort.crash.io;
