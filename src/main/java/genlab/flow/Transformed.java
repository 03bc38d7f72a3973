package genlab.flow;

import genlab.tensor.Tensor;

/**
 * The output of a bijector applied to a batch: the transformed values and, per example, the log of
 * the absolute Jacobian determinant of the map that was applied, shape (B).
 */
public record Transformed(Tensor value, Tensor logDet) {}
