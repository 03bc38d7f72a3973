package genlab.metrics;

/**
 * Scores of a set of generated digits on the project's own MNIST classifier ({@link Evaluator}).
 *
 * @param fld       Fréchet LeNet Distance: Fréchet distance of the classifier's penultimate
 *                  features against the MNIST test set (lower is better, 0 for identical statistics)
 * @param is        classifier Inception Score, exp(E KL(p(y|x) ‖ p(y))), between 1 and 10 (higher is better)
 * @param kid       Kernel Inception Distance on the same features: unbiased MMD² with the cubic
 *                  polynomial kernel (lower is better, about 0 for samples of the data distribution)
 * @param precision share of samples inside the k-NN manifold of real digits (fidelity)
 * @param recall    share of real digits inside the k-NN manifold of the samples (diversity)
 */
public record SampleScores(double fld, double is, double kid, double precision, double recall) {}
