//! 版式与字段: the published layouts the import recognises, the fields of each, and the
//! header words (同义词) that name them. Pure data and matching, no I/O.

// The field tables below name dozens of `Field` variants each; the prefix would drown them.
#![allow(clippy::enum_glob_use)]

/// A published layout (版式).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// 功能分类 table (部门支出总体情况表, 一般公共预算支出情况表 …).
    Functional,
    /// 经济分类 table (一般公共预算基本支出表, 支出经济分类汇总表).
    Economic,
    /// 一般公共预算"三公"经费支出情况表.
    ThreePublic,
    /// 项目支出预算表.
    Projects,
    /// 绩效指标表 (一级/二级/三级指标, 分值, 指标值, 实际完成值, 得分 …).
    Indicators,
    /// 项目支出绩效自评表 (the national form).
    SelfEval,
}

impl Layout {
    pub const ALL: [Layout; 6] = [
        Layout::Functional,
        Layout::Economic,
        Layout::ThreePublic,
        Layout::Projects,
        Layout::Indicators,
        Layout::SelfEval,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layout::Functional => "功能分类支出表",
            Layout::Economic => "经济分类支出表",
            Layout::ThreePublic => "“三公”经费表",
            Layout::Projects => "项目支出预算表",
            Layout::Indicators => "绩效指标表",
            Layout::SelfEval => "项目支出绩效自评表",
        }
    }

    /// The command-line word (`--as`).
    pub fn word(self) -> &'static str {
        match self {
            Layout::Functional => "functional",
            Layout::Economic => "economic",
            Layout::ThreePublic => "three-public",
            Layout::Projects => "projects",
            Layout::Indicators => "indicators",
            Layout::SelfEval => "selfeval",
        }
    }

    pub fn parse(word: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.word() == word.trim())
    }

    /// The fields a column of this layout can be mapped to.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Layout::Functional => &[
                Code,
                CodeClass,
                CodeSection,
                CodeItem,
                UnitCode,
                Name,
                Level,
                Total,
                Basic,
                Personnel,
                Wages,
                Family,
                Public,
                Goods,
                Capital,
                Project,
                Operating,
                Targeted,
            ],
            Layout::Economic => &[
                DeptCode,
                DeptClass,
                DeptSection,
                DeptName,
                GovCode,
                GovClass,
                GovSection,
                GovName,
                Total,
                Personnel,
                Public,
            ],
            Layout::ThreePublic => &[
                ThreeTotal,
                Abroad,
                Vehicles,
                VehiclePurchase,
                VehicleOperation,
                Reception,
            ],
            Layout::Projects => &[
                Kind,
                ProjectName,
                ProjectUnit,
                ProjectCode,
                UnitCode,
                Total,
                GeneralBudget,
                GovernmentFund,
                StateCapital,
                CarryGeneral,
                CarryFund,
                CarryCapital,
                Carryover,
                SpecialAccount,
                OwnFunds,
            ],
            Layout::Indicators | Layout::SelfEval => &[
                Level1, Level2, Level3, Weight, Target, Actual, Score, Reason, Note,
            ],
        }
    }

    /// Whether a mapping has what this layout cannot do without.
    pub fn is_satisfied(self, has: &dyn Fn(Field) -> bool) -> bool {
        use Field::*;
        match self {
            Layout::Functional => {
                (has(Code) || has(CodeClass) || has(CodeItem))
                    && has(Name)
                    && has(Total)
                    && (has(Basic) || has(Project))
            }
            Layout::Economic => (has(DeptCode) || has(DeptClass)) && has(Total),
            Layout::ThreePublic => has(ThreeTotal) || (has(Abroad) && has(Reception)),
            Layout::Projects => has(ProjectName) && has(Total),
            Layout::Indicators | Layout::SelfEval => {
                has(Level1) && (has(Level3) || has(Level2)) && (has(Weight) || has(Target))
            }
        }
    }
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    // 功能分类
    Code,
    CodeClass,
    CodeSection,
    CodeItem,
    UnitCode,
    Name,
    /// 级次 (合计/单位/类/款/项), as the workbench's own export writes it.
    Level,
    Total,
    Basic,
    /// 人员经费 as one column (no 工资福利/对个人和家庭 split).
    Personnel,
    Wages,
    Family,
    /// 公用经费 as one column.
    Public,
    Goods,
    Capital,
    Project,
    Operating,
    Targeted,
    // 经济分类
    DeptCode,
    DeptClass,
    DeptSection,
    DeptName,
    GovCode,
    GovClass,
    GovSection,
    GovName,
    // 三公
    ThreeTotal,
    Abroad,
    Vehicles,
    VehiclePurchase,
    VehicleOperation,
    Reception,
    // 项目支出预算表
    Kind,
    ProjectName,
    ProjectUnit,
    ProjectCode,
    GeneralBudget,
    GovernmentFund,
    StateCapital,
    CarryGeneral,
    CarryFund,
    CarryCapital,
    Carryover,
    SpecialAccount,
    OwnFunds,
    // 指标表
    Level1,
    Level2,
    Level3,
    Weight,
    Target,
    Actual,
    Score,
    Reason,
    Note,
}

impl Field {
    pub fn label(self) -> &'static str {
        use Field::*;
        match self {
            Code => "科目编码",
            CodeClass => "科目编码·类",
            CodeSection => "科目编码·款",
            CodeItem => "科目编码·项",
            UnitCode => "单位代码",
            Name => "科目名称",
            Level => "级次",
            Total => "合计",
            Basic => "基本支出",
            Personnel => "人员经费",
            Wages => "工资福利支出",
            Family => "对个人和家庭的补助",
            Public => "公用经费",
            Goods => "商品和服务支出",
            Capital => "资本性支出",
            Project => "项目支出",
            Operating => "其他运转类",
            Targeted => "特定目标类",
            DeptCode => "部门经济分类编码",
            DeptClass => "部门经济分类·类",
            DeptSection => "部门经济分类·款",
            DeptName => "部门经济分类名称",
            GovCode => "政府经济分类编码",
            GovClass => "政府经济分类·类",
            GovSection => "政府经济分类·款",
            GovName => "政府经济分类名称",
            ThreeTotal => "“三公”经费合计",
            Abroad => "因公出国（境）费",
            Vehicles => "公务用车购置及运行费",
            VehiclePurchase => "公务用车购置费",
            VehicleOperation => "公务用车运行费",
            Reception => "公务接待费",
            Kind => "项目类型",
            ProjectName => "项目名称",
            ProjectUnit => "项目单位",
            ProjectCode => "项目编码",
            GeneralBudget => "本年拨款·一般公共预算",
            GovernmentFund => "本年拨款·政府性基金预算",
            StateCapital => "本年拨款·国有资本经营预算",
            CarryGeneral => "结转结余·一般公共预算",
            CarryFund => "结转结余·政府性基金预算",
            CarryCapital => "结转结余·国有资本经营预算",
            Carryover => "财政拨款结转结余",
            SpecialAccount => "财政专户管理资金",
            OwnFunds => "单位资金",
            Level1 => "一级指标",
            Level2 => "二级指标",
            Level3 => "三级指标",
            Weight => "分值",
            Target => "指标值",
            Actual => "实际完成值",
            Score => "得分",
            Reason => "扣分（偏差）原因",
            Note => "说明",
        }
    }

    /// Whether the column holds money.
    pub fn is_amount(self) -> bool {
        use Field::*;
        matches!(
            self,
            Total
                | Basic
                | Personnel
                | Wages
                | Family
                | Public
                | Goods
                | Capital
                | Project
                | Operating
                | Targeted
                | ThreeTotal
                | Abroad
                | Vehicles
                | VehiclePurchase
                | VehicleOperation
                | Reception
                | GeneralBudget
                | GovernmentFund
                | StateCapital
                | CarryGeneral
                | CarryFund
                | CarryCapital
                | Carryover
                | SpecialAccount
                | OwnFunds
        )
    }
}

/// A header cell normalised for matching: half-width, no spaces or line breaks, no quotes,
/// ASCII parentheses, and a trailing unit such as `（万元）` removed.
pub fn normalise(text: &str) -> String {
    let half = crate::model::number::to_half_width(text);
    let mut s: String = half
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            other => other,
        })
        .collect();
    for unit in ["(万元)", "(元)", "(分)", "(%)"] {
        if let Some(stripped) = s.strip_suffix(unit) {
            s = stripped.to_owned();
        }
    }
    s
}

/// The header path of a column: its header texts from top to bottom, normalised.
pub type Path = [String];

fn leaf(p: &Path) -> &str {
    p.last().map_or("", String::as_str)
}

fn leaf_is(p: &Path, words: &[&str]) -> bool {
    words.contains(&leaf(p))
}

fn has(p: &Path, word: &str) -> bool {
    p.iter().any(|s| s.contains(word))
}

type Rule = (Field, fn(&Path) -> bool);

/// Matching rules in order; a column takes the first rule whose field is still free.
fn rules(layout: Layout) -> &'static [Rule] {
    use Field::*;
    match layout {
        Layout::Functional => &[
            (CodeClass, |p| leaf_is(p, &["类"])),
            (CodeSection, |p| leaf_is(p, &["款"])),
            (CodeItem, |p| leaf_is(p, &["项"])),
            (UnitCode, |p| {
                leaf_is(p, &["单位代码", "部门(单位)代码", "部门代码", "单位编码"])
            }),
            (Code, |p| {
                leaf_is(
                    p,
                    &[
                        "科目编码",
                        "功能分类科目编码",
                        "科目代码",
                        "编码",
                        "功能科目编码",
                    ],
                )
            }),
            (Name, |p| {
                leaf_is(
                    p,
                    &[
                        "科目名称",
                        "单位(科目名称)",
                        "功能分类科目名称",
                        "功能科目名称",
                        "单位名称(科目名称)",
                    ],
                )
            }),
            (Level, |p| leaf_is(p, &["级次", "科目级次", "层级"])),
            (Basic, |p| {
                has(p, "基本支出") && leaf_is(p, &["小计", "基本支出", "合计"])
            }),
            (Project, |p| {
                has(p, "项目支出") && leaf_is(p, &["小计", "项目支出", "合计"])
            }),
            (Total, |p| leaf_is(p, &["合计", "总计", "支出合计"])),
            (Wages, |p| leaf_is(p, &["工资福利支出"])),
            (Family, |p| leaf_is(p, &["对个人和家庭的补助"])),
            (Goods, |p| leaf_is(p, &["商品和服务支出"])),
            (Capital, |p| leaf_is(p, &["资本性支出"])),
            (Personnel, |p| leaf_is(p, &["人员经费", "人员支出"])),
            (Public, |p| {
                leaf_is(p, &["公用经费", "公用支出", "日常公用经费"])
            }),
            (Operating, |p| leaf_is(p, &["其他运转类", "其他运转类项目"])),
            (Targeted, |p| leaf_is(p, &["特定目标类", "特定目标类项目"])),
        ],
        Layout::Economic => &[
            (DeptClass, |p| has(p, "部门预算") && leaf_is(p, &["类"])),
            (DeptSection, |p| has(p, "部门预算") && leaf_is(p, &["款"])),
            (GovClass, |p| has(p, "政府预算") && leaf_is(p, &["类"])),
            (GovSection, |p| has(p, "政府预算") && leaf_is(p, &["款"])),
            (DeptCode, |p| {
                has(p, "部门预算") && (leaf(p).contains("编码") || leaf(p).contains("代码"))
            }),
            (GovCode, |p| {
                has(p, "政府预算") && (leaf(p).contains("编码") || leaf(p).contains("代码"))
            }),
            (DeptName, |p| has(p, "部门预算") && leaf(p).contains("名称")),
            (GovName, |p| has(p, "政府预算") && leaf(p).contains("名称")),
            (DeptCode, |p| {
                leaf_is(p, &["科目编码", "经济分类科目编码", "编码"])
            }),
            (GovCode, |p| {
                leaf_is(p, &["科目编码", "经济分类科目编码", "编码"])
            }),
            (DeptName, |p| leaf_is(p, &["科目名称", "经济分类科目名称"])),
            (GovName, |p| leaf_is(p, &["科目名称", "经济分类科目名称"])),
            (Total, |p| leaf_is(p, &["合计", "总计"])),
            (Personnel, |p| leaf_is(p, &["人员经费", "人员支出"])),
            (Public, |p| {
                leaf_is(p, &["公用经费", "公用支出", "日常公用经费"])
            }),
        ],
        Layout::ThreePublic => &[
            (ThreeTotal, |p| {
                leaf(p).contains("三公") && leaf(p).contains("合计")
            }),
            (ThreeTotal, |p| has(p, "三公") && leaf_is(p, &["合计"])),
            (Abroad, |p| leaf(p).contains("因公出国")),
            (VehiclePurchase, |p| {
                leaf_is(p, &["公务用车购置费", "购置费"])
            }),
            (VehicleOperation, |p| {
                leaf_is(
                    p,
                    &[
                        "公务用车运行费",
                        "公务用车运行维护费",
                        "运行费",
                        "运行维护费",
                    ],
                )
            }),
            (Vehicles, |p| {
                has(p, "公务用车购置及运行")
                    && leaf_is(
                        p,
                        &["小计", "公务用车购置及运行费", "公务用车购置及运行维护费"],
                    )
            }),
            (Reception, |p| leaf(p).contains("公务接待")),
        ],
        Layout::Projects => &[
            (Kind, |p| {
                leaf_is(p, &["类型", "项目类型", "项目类别", "项目分类"])
            }),
            (ProjectName, |p| leaf_is(p, &["项目名称"])),
            (ProjectUnit, |p| {
                leaf_is(p, &["项目单位", "单位名称", "预算单位", "实施单位"])
            }),
            (ProjectCode, |p| leaf_is(p, &["项目编码", "项目代码"])),
            (UnitCode, |p| leaf_is(p, &["单位代码", "单位编码"])),
            (GeneralBudget, |p| {
                !has(p, "结转") && leaf_is(p, &["一般公共预算", "一般公共预算拨款"])
            }),
            (GovernmentFund, |p| {
                !has(p, "结转") && leaf_is(p, &["政府性基金预算", "政府性基金"])
            }),
            (StateCapital, |p| {
                !has(p, "结转") && leaf_is(p, &["国有资本经营预算"])
            }),
            (CarryGeneral, |p| {
                has(p, "结转") && leaf_is(p, &["一般公共预算"])
            }),
            (CarryFund, |p| {
                has(p, "结转") && leaf_is(p, &["政府性基金预算", "政府性基金"])
            }),
            (CarryCapital, |p| {
                has(p, "结转") && leaf_is(p, &["国有资本经营预算"])
            }),
            (Carryover, |p| {
                leaf(p).contains("结转结余") || leaf_is(p, &["上年结转"])
            }),
            (SpecialAccount, |p| leaf(p).contains("财政专户")),
            (OwnFunds, |p| {
                leaf_is(p, &["单位资金", "其他资金", "单位自有资金"])
            }),
            (Total, |p| {
                leaf_is(p, &["合计", "总计", "项目金额", "预算金额"])
            }),
        ],
        Layout::Indicators | Layout::SelfEval => &[
            (Level1, |p| leaf_is(p, &["一级指标"])),
            (Level2, |p| leaf_is(p, &["二级指标"])),
            (Level3, |p| leaf_is(p, &["三级指标"])),
            (Weight, |p| {
                leaf_is(p, &["分值", "权重", "指标分值", "指标权重", "标准分值"])
            }),
            (Target, |p| {
                leaf_is(
                    p,
                    &[
                        "指标值",
                        "年度指标值",
                        "目标值",
                        "年度目标值",
                        "绩效指标值",
                        "预期指标值",
                    ],
                )
            }),
            (Actual, |p| {
                leaf_is(
                    p,
                    &[
                        "实际完成值",
                        "实际值",
                        "全年实际值",
                        "实际完成情况",
                        "完成值",
                        "年度实际完成值",
                    ],
                )
            }),
            (Score, |p| {
                leaf_is(p, &["得分", "评分", "自评得分", "实际得分"])
            }),
            (Reason, |p| {
                let l = leaf(p);
                l.contains("扣分原因") || l.contains("偏差原因") || l.contains("原因分析")
            }),
            (Note, |p| {
                leaf_is(p, &["指标值说明", "备注", "说明", "评分标准", "评分依据"])
            }),
        ],
    }
}

/// Maps each column of a header to a field of `layout` (at most one column per field).
pub fn map_columns(layout: Layout, paths: &[Vec<String>]) -> Vec<Option<Field>> {
    let mut taken: Vec<Field> = Vec::new();
    paths
        .iter()
        .map(|p| {
            if p.is_empty() {
                return None;
            }
            let found = rules(layout)
                .iter()
                .find(|(f, m)| !taken.contains(f) && m(p))
                .map(|(f, _)| *f);
            if let Some(f) = found {
                taken.push(f);
            }
            found
        })
        .collect()
}

/// Every header word any layout knows (to find the header row).
pub fn is_header_word(text: &str) -> bool {
    let p = [normalise(text)];
    if p[0].is_empty() {
        return false;
    }
    Layout::ALL
        .iter()
        .any(|&l| rules(l).iter().any(|(_, m)| m(&p)))
        || [
            "基本支出",
            "项目支出",
            "本年拨款",
            "财政拨款结转结余",
            "部门预算支出经济分类科目",
            "政府预算支出经济分类科目编码",
            "公务用车购置及运行费",
            "科目编码",
        ]
        .contains(&p[0].as_str())
}

/// Whether a label names a 合计/小计 row.
pub fn is_total_label(text: &str) -> bool {
    let n = normalise(text);
    matches!(
        n.as_str(),
        "合计" | "总计" | "小计" | "本年合计" | "合计数" | "总分" | "合计得分" | "本年支出合计"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|s| normalise(s)).collect()
    }

    #[test]
    fn merged_header_paths_map_to_the_nine_functional_columns() {
        use Field::*;
        let paths = vec![
            path(&["科目编码", "类"]),
            path(&["款"]),
            path(&["项"]),
            path(&["单位代码"]),
            path(&["单位（科目名称）"]),
            path(&["合计"]),
            path(&["基本支出", "小计"]),
            path(&["基本支出", "人员经费", "工资福利支出"]),
            path(&["基本支出", "人员经费", "对个人和家庭的补助"]),
            path(&["基本支出", "公用经费", "商品和服务支出"]),
            path(&["基本支出", "公用经费", "资本性支出"]),
            path(&["项目支出", "小计"]),
            path(&["项目支出", "其他运转类"]),
            path(&["项目支出", "特定目标类"]),
        ];
        let m = map_columns(Layout::Functional, &paths);
        assert_eq!(
            m,
            [
                CodeClass,
                CodeSection,
                CodeItem,
                UnitCode,
                Name,
                Total,
                Basic,
                Wages,
                Family,
                Goods,
                Capital,
                Project,
                Operating,
                Targeted
            ]
            .map(Some)
            .to_vec()
        );
        assert!(Layout::Functional.is_satisfied(&|f| m.contains(&Some(f))));
        let e = map_columns(Layout::Economic, &paths);
        assert!(!Layout::Economic.is_satisfied(&|f| e.contains(&Some(f))));
    }

    #[test]
    fn normalising_drops_units_spaces_and_quotes() {
        assert_eq!(normalise(" 合 计（万元）"), "合计");
        assert_eq!(normalise("“三公”经费合计"), "三公经费合计");
        assert_eq!(normalise("单位（科目名称）"), "单位(科目名称)");
    }
}
