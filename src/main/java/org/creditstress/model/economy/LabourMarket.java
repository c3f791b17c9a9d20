package org.creditstress.model.economy;

import java.util.List;
import org.creditstress.scenario.EconomySpec;
import org.creditstress.scenario.EconomySpec.LabourMarket.Mode;
import org.creditstress.scenario.SegmentSpec;

/**
 * This month's job-loss hazard per segment and the job-finding rate.
 *
 * <p>In {@code track} mode the hazards are set so that expected unemployment after this month's
 * transitions equals the path's target {@code u*}: with {@code E} employed, {@code U} unemployed,
 * {@code N} borrowers and job-finding rate {@code f}, the average job-loss hazard is
 * {@code s = (u* N - U + f U) / E}. If the target falls faster than job finding allows
 * ({@code s < 0}), {@code s = 0} and {@code f = (U - u* N) / U}.
 *
 * <p>Segments share the aggregate unequally: relative to the steady-state hazard
 * {@code s_ss = f u0 / (1 - u0)}, the cycle's stress is {@code x = s / s_ss}, and segment k gets
 * {@code s_k ~ job_loss_relative_k * max(0, 1 + cyclicality_k (x - 1))}, rescaled so that the
 * employment-weighted mean is {@code s}. Cyclical segments take more of a downturn's job losses.
 *
 * <p>In {@code fixed_hazards} mode {@code s_k = job_loss_monthly * job_loss_relative_k} and
 * {@code f = job_finding_monthly}, whatever the path says.
 *
 * <p>Hazards and rates are monthly probabilities in [0, 1]; {@code u0} is the unemployment path's
 * month-1 value. Used by {@link EmploymentTransitions} at the start of its phase.
 */
public final class LabourMarket implements java.io.Serializable {
    private final List<SegmentSpec> segments;
    private final Mode mode;
    private final double baseFinding;
    private final double fixedLoss;
    private final double steadyHazard;

    /**
     * @param segments the population's segments (job-loss weights and cyclicality)
     * @param economy  the labour-market settings and the unemployment path (for {@code u0})
     */
    public LabourMarket(List<SegmentSpec> segments, EconomySpec economy) {
        this.segments = segments;
        this.mode = economy.labourMarket().mode();
        this.baseFinding = economy.labourMarket().jobFindingMonthly();
        this.fixedLoss = economy.labourMarket().jobLossMonthly();
        double u0 = economy.unemployment().at(1);
        this.steadyHazard = u0 < 1 ? baseFinding * u0 / (1 - u0) : 0.0;
    }

    /** Fills {@code lossBySegment} and returns the job-finding rate for this month. */
    public double hazards(MacroState macro, double[] lossBySegment) {
        if (mode == Mode.FIXED_HAZARDS) {
            for (int k = 0; k < segments.size(); k++) {
                lossBySegment[k] = Math.min(1.0, fixedLoss * segments.get(k).jobLossRelative());
            }
            return baseFinding;
        }
        long employed = 0;
        long unemployed = 0;
        for (int k = 0; k < segments.size(); k++) {
            employed += macro.employed(k);
            unemployed += macro.unemployed(k);
        }
        double n = employed + unemployed;
        double target = macro.unemploymentTarget() * n;
        double finding = baseFinding;
        double s = employed > 0 ? (target - unemployed + finding * unemployed) / employed : 0.0;
        if (s < 0) {
            s = 0;
            finding = unemployed > 0 ? Math.min(1.0, (unemployed - target) / unemployed) : baseFinding;
        }
        s = Math.min(1.0, s);
        double stress = steadyHazard > 0 ? s / steadyHazard : 1.0;
        double weighted = 0;
        for (int k = 0; k < segments.size(); k++) {
            SegmentSpec seg = segments.get(k);
            lossBySegment[k] = seg.jobLossRelative() * Math.max(0.0, 1.0 + seg.cyclicality() * (stress - 1.0));
            weighted += macro.employed(k) * lossBySegment[k];
        }
        double scale = weighted > 0 ? s * employed / weighted : 0.0;
        for (int k = 0; k < segments.size(); k++) {
            lossBySegment[k] = Math.min(1.0, lossBySegment[k] * scale);
        }
        return finding;
    }
}
