package org.creditstress.scenario;

/**
 * The macro paths and how the labour market follows them; see {@code economy}. {@code inflation}
 * is the annual rise of the price level of essentials ({@code shape: with_incomes} by default:
 * prices rise with incomes, see {@code model.economy.PriceLevel}).
 */
public record EconomySpec(PathSpec unemployment, PathSpec incomeGrowth, PathSpec inflation, PathSpec fundingRate,
                          LabourMarket labourMarket) {

    /** Employment transitions: tracking the unemployment path, or fixed hazards. */
    public record LabourMarket(Mode mode, double jobFindingMonthly, double jobLossMonthly) {
        public enum Mode { TRACK, FIXED_HAZARDS }
    }
}
