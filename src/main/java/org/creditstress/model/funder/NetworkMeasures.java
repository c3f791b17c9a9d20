package org.creditstress.model.funder;

import java.util.List;
import org.creditstress.model.lender.LenderState;
import org.creditstress.network.ClearingResult;
import org.creditstress.network.DebtRank;
import org.creditstress.network.DebtRankResult;
import org.creditstress.network.EisenbergNoe;

/**
 * The month's systemic measures on the lender-funder exposure network. Nodes are the lenders,
 * then the funders; funder {@code f} is exposed to lender {@code l} by the line the lender has
 * drawn and by its claim on the lender's receivables (co-lent and bought), which the lender
 * services and collects for it.
 * <ul>
 *   <li>DebtRank (Battiston et al. 2012), capital-weighted: starting from each lender's equity
 *       lost since month 1 and each funder's losses over its capital, how much more of the
 *       system's capital is lost as distress propagates along the exposures (0 to 1).</li>
 *   <li>Eisenberg-Noe (2001) clearing: lenders owe funders their drawn lines and the collections
 *       on the receivables funders hold; a lender's external assets are its cash and own net
 *       receivables less the funding that ranks ahead (other, emergency, unpaid), plus the
 *       receivables it services for funders at face value. Reported: lenders that cannot pay in
 *       full, and the total shortfall.</li>
 * </ul>
 */
public final class NetworkMeasures {

    /** The month's measures. */
    public record Result(double debtRank, double[] funderDistress, int clearingDefaults, double clearingShortfall) {
        static final Result NONE = new Result(Double.NaN, new double[0], 0, 0.0);
    }

    private NetworkMeasures() {
    }

    public static Result compute(List<LenderState> lenders, FundingNetwork network, double[] openingEquity) {
        int nl = lenders.size();
        int nf = network.funders().size();
        if (nf == 0) {
            return Result.NONE;
        }
        int n = nl + nf;
        double[][] exposures = new double[n][n];
        double[][] liabilities = new double[n][n];
        double[] capital = new double[n];
        double[] distress = new double[n];
        double[] external = new double[n];
        for (int l = 0; l < nl; l++) {
            LenderState lender = lenders.get(l);
            capital[l] = Math.max(0.0, lender.equity());
            distress[l] = openingEquity[l] > 0 ? clamp(1.0 - lender.equity() / openingEquity[l]) : 0.0;
            double serviced = 0;
            for (int f = 0; f < nf; f++) {
                FunderState funder = network.funders().get(f);
                double claim = network.claimOn(l, funder);
                double owed = network.drawnBy(l, funder) + claim;
                exposures[nl + f][l] = owed;
                liabilities[l][nl + f] = owed;
                serviced += claim;
            }
            // Receivables serviced for funders pass through the lender at face value: an asset
            // against the claims above, so they change nothing for a lender that can pay.
            external[l] = Math.max(0.0, lender.cash() + lender.ownReceivables() - lender.provisions()
                    - lender.funding() - lender.emergencyFunding() - lender.unpaid()) + serviced;
        }
        for (int f = 0; f < nf; f++) {
            FunderState funder = network.funders().get(f);
            capital[nl + f] = Math.max(0.0, funder.capital());
            distress[nl + f] = funder.capital() > 0 ? clamp(funder.losses() / funder.capital()) : 0.0;
            external[nl + f] = Math.max(0.0, funder.remainingCapital());
        }
        double debtRank = Double.NaN;
        double[] funderDistress = new double[nf];
        double totalCapital = 0;
        for (double c : capital) {
            totalCapital += c;
        }
        if (totalCapital > 0) {
            DebtRankResult r = DebtRank.withCapitalWeights(exposures, capital).run(distress);
            debtRank = r.debtRank();
            for (int f = 0; f < nf; f++) {
                funderDistress[f] = r.finalDistress()[nl + f];
            }
        }
        ClearingResult clearing = EisenbergNoe.clear(liabilities, external);
        int defaults = 0;
        for (int l = 0; l < nl; l++) {
            if (clearing.defaults(l)) {
                defaults++;
            }
        }
        return new Result(debtRank, funderDistress, defaults, clearing.totalShortfall());
    }

    private static double clamp(double x) {
        return Math.min(1.0, Math.max(0.0, x));
    }
}
