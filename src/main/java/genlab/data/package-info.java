/**
 * Data for the lessons: the bundled MNIST digits ({@link genlab.data.Mnist}, read through
 * {@link genlab.data.Idx}), folders of PNG/JPEG images ({@link genlab.data.ImageFolder}), both as
 * an {@link genlab.data.ImageSet}; 2-D points from CSV ({@link genlab.data.PointsCsv}) or seeded
 * toy samplers ({@link genlab.data.Toy2D}), both as {@link genlab.data.Points}; and shuffled
 * mini-batch indices ({@link genlab.data.Batches}).
 *
 * <p>Imports only the JDK and {@code genlab.tensor}. Never touches the network: every file is read
 * from disk, and a missing one is a {@link genlab.data.DataException} saying where it was looked
 * for. Randomness always comes in as a caller-seeded {@link java.util.random.RandomGenerator}.
 */
package genlab.data;
