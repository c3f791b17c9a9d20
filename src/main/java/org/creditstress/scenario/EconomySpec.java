package org.creditstress.scenario;

/** The macro paths and how the labour market follows them; see {@code economy}. */
public record EconomySpec(PathSpec unemployment, PathSpec incomeGrowth, PathSpec fundingRate, LabourMarket labourMarket) {

    /** Employment transitions: tracking the unemployment path, or fixed hazards. */
    public record LabourMarket(Mode mode, double jobFindingMonthly, double jobLossMonthly) {
        public enum Mode { TRACK, FIXED_HAZARDS }
    }
}
