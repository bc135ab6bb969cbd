package org.twinlab.runtime.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that fails as a full disk does, when told: a write that puts part of its bytes
 * down and then throws "No space left on device", a force that throws, a cut that throws. Everything
 * else goes to the real file.
 */
public final class FaultyChannel extends FileChannel {
  private final FileChannel real;
  private volatile int writeFailsAfter = -1;
  private volatile boolean forceFails;
  private volatile boolean truncateFails;

  public FaultyChannel(FileChannel real) {
    this.real = real;
  }

  /** Every write puts down at most {@code bytes} bytes, then fails; -1 to let writes through again. */
  public FaultyChannel failWritesAfter(int bytes) {
    writeFailsAfter = bytes;
    return this;
  }

  public FaultyChannel failForce(boolean fails) {
    forceFails = fails;
    return this;
  }

  public FaultyChannel failTruncate(boolean fails) {
    truncateFails = fails;
    return this;
  }

  /** Lets every operation through again: the disk has room. */
  public FaultyChannel heal() {
    return failWritesAfter(-1).failForce(false).failTruncate(false);
  }

  private static IOException full() {
    return new IOException("No space left on device");
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int limit = writeFailsAfter;
    if (limit < 0) return real.write(src);
    if (limit > 0 && src.remaining() > 0) {
      ByteBuffer part = src.slice(src.position(), Math.min(limit, src.remaining()));
      int n = real.write(part);
      src.position(src.position() + n);
    }
    throw full();
  }

  @Override
  public void force(boolean metaData) throws IOException {
    if (forceFails) throw full();
    real.force(metaData);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (truncateFails) throw full();
    real.truncate(size);
    return this;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return real.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return real.read(dsts, offset, length);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    if (writeFailsAfter >= 0) throw full();
    return real.write(srcs, offset, length);
  }

  @Override
  public long position() throws IOException {
    return real.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    real.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return real.size();
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return real.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    if (writeFailsAfter >= 0) throw full();
    return real.transferFrom(src, position, count);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return real.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    if (writeFailsAfter >= 0) throw full();
    return real.write(src, position);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return real.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return real.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return real.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    real.close();
  }
}
