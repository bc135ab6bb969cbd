package org.twinlab.viewer.app;

import com.jme3.post.SceneProcessor;
import com.jme3.profile.AppProfiler;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import com.jme3.util.Screenshots;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** Reads one rendered frame back from the screen after the scene is drawn, as an image. */
final class FrameGrab implements SceneProcessor {
  private final int frameToGrab;
  private final Consumer<BufferedImage> done;
  private RenderManager renderManager;
  private ViewPort viewPort;
  private int frames;
  private boolean grabbed;

  /** @param frameToGrab how many frames to let pass first, so every change has been drawn */
  FrameGrab(int frameToGrab, Consumer<BufferedImage> done) {
    this.frameToGrab = frameToGrab;
    this.done = done;
  }

  @Override
  public void initialize(RenderManager rm, ViewPort vp) {
    this.renderManager = rm;
    this.viewPort = vp;
  }

  @Override
  public void reshape(ViewPort vp, int w, int h) {
  }

  @Override
  public boolean isInitialized() {
    return renderManager != null;
  }

  @Override
  public void preFrame(float tpf) {
  }

  @Override
  public void postQueue(RenderQueue rq) {
  }

  @Override
  public void postFrame(FrameBuffer out) {
    if (grabbed || ++frames < frameToGrab) return;
    grabbed = true;
    int w = viewPort.getCamera().getWidth();
    int h = viewPort.getCamera().getHeight();
    ByteBuffer pixels = BufferUtils.createByteBuffer(w * h * 4);
    renderManager.getRenderer().readFrameBufferWithFormat(out, pixels, Image.Format.BGRA8);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
    Screenshots.convertScreenShot(pixels, image);
    done.accept(image);
  }

  @Override
  public void cleanup() {
  }

  @Override
  public void setProfiler(AppProfiler profiler) {
  }
}
