package org.creditstress.model.lender;

import java.util.Locale;

/**
 * What a lender does when its cash is negative after drawing its lines and other funding, in the
 * order its {@code liquidity.actions} list gives (DOMAIN.md section 6, liquidity). Each action is
 * tried only while cash is still negative; after the last, the lender fails
 * ({@link LenderFunding}).
 */
public enum LiquidityAction {
    /** Lines are drawn before any action; listed for completeness, it does nothing more. */
    DRAW_LINES {
        @Override
        void take(LenderFunding.ActionContext c) {
        }
    },
    /** Stops new purchases and loans until emergency funding is repaid. */
    STOP_ORIGINATING {
        @Override
        void take(LenderFunding.ActionContext c) {
            c.lender().stopOriginating = true;
        }
    },
    /** Cuts every limit by {@code liquidity.limit_cut} at next month's underwriting. */
    CUT_LIMITS {
        @Override
        void take(LenderFunding.ActionContext c) {
            LenderState lender = c.lender();
            double cut = lender.spec.liquidity().limitCut();
            lender.pendingLimitCut = Math.max(lender.pendingLimitCut, cut);
            lender.limitFactor *= 1.0 - cut;
        }
    },
    /** Sells own receivables at a discount to a funder that buys them ({@link org.creditstress.model.funder.ReceivableSales}). */
    SELL_RECEIVABLES {
        @Override
        void take(LenderFunding.ActionContext c) {
            c.sellReceivables();
        }
    },
    /** Borrows emergency funding up to {@code emergency_capacity} of opening own net receivables. */
    EMERGENCY_FUNDING {
        @Override
        void take(LenderFunding.ActionContext c) {
            c.drawEmergencyFunding();
        }
    };

    abstract void take(LenderFunding.ActionContext context);

    /** The action named in a scenario ({@code stop_originating}, ...). */
    public static LiquidityAction named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The name used in scenarios. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
