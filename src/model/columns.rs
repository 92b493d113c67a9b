//! The columns of the tables whose cells the window shows on grids and findings point at: one
//! enum per table, in the order the grids show them. A check names a column with the same enum
//! the grid maps to its position, so a finding cannot land on another column. `key` is the
//! model's field name, the words a location is written with (`"goods"`, `"category"` …).

use super::budget::FunctionalColumn;

/// A column of a 功能分类 table: 科目编码, 科目名称, then the nine amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FunctionalLineColumn {
    Code,
    Name,
    Amount(FunctionalColumn),
}

impl FunctionalLineColumn {
    pub const ALL: [FunctionalLineColumn; 11] = [
        FunctionalLineColumn::Code,
        FunctionalLineColumn::Name,
        FunctionalLineColumn::Amount(FunctionalColumn::Total),
        FunctionalLineColumn::Amount(FunctionalColumn::Basic),
        FunctionalLineColumn::Amount(FunctionalColumn::Wages),
        FunctionalLineColumn::Amount(FunctionalColumn::Family),
        FunctionalLineColumn::Amount(FunctionalColumn::Goods),
        FunctionalLineColumn::Amount(FunctionalColumn::Capital),
        FunctionalLineColumn::Amount(FunctionalColumn::Project),
        FunctionalLineColumn::Amount(FunctionalColumn::Operating),
        FunctionalLineColumn::Amount(FunctionalColumn::Targeted),
    ];

    /// The model's field name (`"code"`, `"goods"` …).
    pub fn key(self) -> &'static str {
        match self {
            FunctionalLineColumn::Code => "code",
            FunctionalLineColumn::Name => "name",
            FunctionalLineColumn::Amount(c) => c.key(),
        }
    }
}

impl FunctionalColumn {
    /// The model's field name of an amount column (`"total"`, `"goods"` …).
    pub fn key(self) -> &'static str {
        match self {
            FunctionalColumn::Total => "total",
            FunctionalColumn::Basic => "basic",
            FunctionalColumn::Wages => "wages",
            FunctionalColumn::Family => "family",
            FunctionalColumn::Goods => "goods",
            FunctionalColumn::Capital => "capital",
            FunctionalColumn::Project => "project",
            FunctionalColumn::Operating => "operating",
            FunctionalColumn::Targeted => "targeted",
        }
    }
}

/// A column of an 经济分类 table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EconomicColumn {
    /// 部门科目编码.
    DeptCode,
    /// 部门科目名称.
    DeptName,
    /// 政府科目编码.
    GovCode,
    /// 政府科目名称.
    GovName,
    /// 金额.
    Amount,
    /// 类别 (人员经费/公用经费).
    Category,
}

impl EconomicColumn {
    pub const ALL: [EconomicColumn; 6] = [
        EconomicColumn::DeptCode,
        EconomicColumn::DeptName,
        EconomicColumn::GovCode,
        EconomicColumn::GovName,
        EconomicColumn::Amount,
        EconomicColumn::Category,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EconomicColumn::DeptCode => "dept_code",
            EconomicColumn::DeptName => "dept_name",
            EconomicColumn::GovCode => "gov_code",
            EconomicColumn::GovName => "gov_name",
            EconomicColumn::Amount => "amount",
            EconomicColumn::Category => "category",
        }
    }
}

/// A column of the 部门收入总体情况表.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitIncomeColumn {
    /// 单位代码.
    Code,
    /// 单位名称.
    Name,
    /// 合计.
    Total,
    /// 一般公共预算.
    GeneralBudget,
    /// 其他收入.
    Other,
}

impl UnitIncomeColumn {
    pub const ALL: [UnitIncomeColumn; 5] = [
        UnitIncomeColumn::Code,
        UnitIncomeColumn::Name,
        UnitIncomeColumn::Total,
        UnitIncomeColumn::GeneralBudget,
        UnitIncomeColumn::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            UnitIncomeColumn::Code => "code",
            UnitIncomeColumn::Name => "name",
            UnitIncomeColumn::Total => "total",
            UnitIncomeColumn::GeneralBudget => "general_budget",
            UnitIncomeColumn::Other => "other",
        }
    }
}

/// A column of a project's 资金拨付 table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisbursementColumn {
    /// 拨付日期.
    Date,
    /// 金额.
    Amount,
    /// 拨付环节.
    Stage,
    /// 备注.
    Note,
}

impl DisbursementColumn {
    pub const ALL: [DisbursementColumn; 4] = [
        DisbursementColumn::Date,
        DisbursementColumn::Amount,
        DisbursementColumn::Stage,
        DisbursementColumn::Note,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DisbursementColumn::Date => "date",
            DisbursementColumn::Amount => "amount",
            DisbursementColumn::Stage => "stage",
            DisbursementColumn::Note => "note",
        }
    }
}

/// A column of the 项目支出预算表 (one row per project) that holds a project's own field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectColumn {
    /// 项目类型.
    Kind,
    /// 项目名称.
    Name,
    /// 项目单位.
    Unit,
    /// 年初预算.
    BudgetInitial,
    /// 调整后预算.
    BudgetAdjusted,
    /// 执行数.
    Executed,
}

impl ProjectColumn {
    pub const ALL: [ProjectColumn; 6] = [
        ProjectColumn::Kind,
        ProjectColumn::Name,
        ProjectColumn::Unit,
        ProjectColumn::BudgetInitial,
        ProjectColumn::BudgetAdjusted,
        ProjectColumn::Executed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProjectColumn::Kind => "kind",
            ProjectColumn::Name => "name",
            ProjectColumn::Unit => "unit",
            ProjectColumn::BudgetInitial => "budget_initial",
            ProjectColumn::BudgetAdjusted => "budget_adjusted",
            ProjectColumn::Executed => "executed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Grids find a column's position as `column as usize`: each `ALL` lists its enum in
    /// declaration order, and the keys are the field names locations were written with.
    #[test]
    fn all_lists_each_enum_in_order_with_its_field_names() {
        for (i, c) in EconomicColumn::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, c) in UnitIncomeColumn::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, c) in DisbursementColumn::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, c) in ProjectColumn::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, c) in FunctionalColumn::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
            assert_eq!(
                FunctionalLineColumn::ALL[i + 2],
                FunctionalLineColumn::Amount(*c)
            );
        }
        let keys = |v: &[&'static str]| v.join(",");
        assert_eq!(
            keys(&FunctionalLineColumn::ALL.map(FunctionalLineColumn::key)),
            "code,name,total,basic,wages,family,goods,capital,project,operating,targeted"
        );
        assert_eq!(
            keys(&EconomicColumn::ALL.map(EconomicColumn::key)),
            "dept_code,dept_name,gov_code,gov_name,amount,category"
        );
        assert_eq!(
            keys(&UnitIncomeColumn::ALL.map(UnitIncomeColumn::key)),
            "code,name,total,general_budget,other"
        );
        assert_eq!(
            keys(&DisbursementColumn::ALL.map(DisbursementColumn::key)),
            "date,amount,stage,note"
        );
        assert_eq!(
            keys(&ProjectColumn::ALL.map(ProjectColumn::key)),
            "kind,name,unit,budget_initial,budget_adjusted,executed"
        );
    }
}
