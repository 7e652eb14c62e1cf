/**
 * The records `zhibu init` writes, also the complete examples of docs/records.md (a test
 * holds the two equal). Every key carries a Chinese comment.
 */
export const branchTemplate = `# yaml-language-server: $schema=../zhibu.schema.json
branch:                           # 支部基本信息
  id: pb-003                      # 必填，所有文件中唯一
  name: 第三项目部党支部             # 必填
  kind: branch                    # branch 党支部（默认）| general-branch 党总支 | joint-branch 联合党支部
  parent: corp                    # 上级党组织编号
  units: [第三项目部]               # 覆盖的行政单位、项目
  established: 2021-03-15         # 成立日期；成立前开始的期间不检查
  secretary: 张三                   # 必填：支部书记（本支部正式党员）
  deputy_secretaries: [李四]        # 副书记
  committee: [张三, 李四, 王五]      # 支部委员会委员；不设支委会则省略
  elected: 2024-06-01             # 本届选举日期

members:                          # 党员名册
  - name: 张三                      # 必填，文件内唯一
    status: full                  # 必填：full 正式党员 | probationary 预备党员
    admitted: 2009-07-01          # 入党时间（接收为预备党员）
    confirmed: 2010-07-01         # 转正时间
    since: 2021-03-15             # 组织关系转入本支部；省略=一直在本支部
    group: 第一党小组               # 所在党小组
    leader: false                 # 是否党员领导干部
    dues: [2026-07, 2026-08, 2026-09]   # 已交党费的月份
    training:                     # 支部活动以外的个人学习培训
      - { date: 2026-05-10, hours: 8, title: 网络培训 }     # 日期、学时、培训名称
    indicators:                   # 党员双提升指标
      - { name: 安全生产零事故, target: 0起, actual: 0起 }   # 指标、目标值、完成值
  - name: 李四
    status: full
    group: 第一党小组
    dues: [2026-07, 2026-08, 2026-09]
  - name: 王五
    status: full
    group: 第一党小组
    until: 2026-12-31             # 组织关系转出日期；省略=仍在本支部
    excused: false                # 长期不能参加组织生活（年老体弱、长期病休、出国）时为 true
    dues: [2026-07, 2026-08, 2026-09]
  - name: 赵敏
    status: probationary
    admitted: 2025-08-01
    probation_until: 2027-02-01   # 延长预备期的截止日期
    group: 第一党小组
    dues: [2026-07, 2026-08, 2026-09]

groups:                           # 党小组
  - name: 第一党小组               # 党小组名称
    leader: 王五                   # 组长

activities:                       # 全部有日期的活动，顺序不限
  - type: 支部党员大会               # 类型，见下表（中文或英文）
    date: 2026-07-08              # 必填：实际举行日期
    topic: 学习贯彻党的二十届四中全会精神   # 议题
    host: 张三                     # 主持人
    recorder: 李四                 # 记录人
    attendees: [张三, 李四, 赵敏]     # 参会党员
    absentees:                    # 缺席党员及原因
      - { name: 王五, reason: 出差 }     # 姓名、缺席原因
    guests: [赵六]                  # 列席人员（非本支部党员）
    minutes: 会议听取了……            # 会议记录；纸质记录写 true
    address: 党员活动室              # 地点
    decision: 通过……                # 决议
  - type: 支部委员会会议
    date: 2026-07-03
    topic: 研究七月工作
    host: 张三
    recorder: 李四
    attendees: [张三, 李四, 王五]
    minutes: true
  - type: 党小组会
    date: 2026-07-15
    group: 第一党小组               # 党小组会必填：哪个党小组
    topic: 学习安全生产规定
    host: 王五
    recorder: 李四
    attendees: [张三, 李四, 王五, 赵敏]
    minutes: true
  - type: 党课
    date: 2026-07-20
    topic: 书记讲党课：弘扬伟大建党精神
    lecturer: 张三                  # 党课必填：授课人
    attendees: [张三, 李四, 王五, 赵敏]
    hours: 2                      # 计入每名参加者的学时
  - type: 主题党日
    date: 2026-07-25
    form: volunteer               # 主题党日必填：活动形式，见下表
    topic: 社区志愿服务
    attendees: [张三, 李四, 王五, 赵敏]
  - type: 组织生活会
    date: 2026-01-20
    topic: 年度组织生活会
    host: 张三
    recorder: 李四
    attendees: [张三, 李四, 王五, 赵敏]
    minutes: true
  - type: 民主评议党员
    date: 2026-01-21
    topic: 年度民主评议党员
    host: 张三
    attendees: [张三, 李四, 王五, 赵敏]
    minutes: true
  - type: 谈心谈话
    date: 2026-03-10
    host: 张三                     # 谈心谈话必填：谈话人
    with: [赵敏]                    # 谈心谈话必填：谈话对象
  - type: 集中学习培训
    date: 2026-06-12
    topic: 党纪学习教育
    hours: 4                      # 集中学习培训必填：学时
    attendees: [张三, 李四, 王五, 赵敏]
  - type: 换届选举
    date: 2024-06-01
    eligible: 3                   # 换届选举必填：有选举权的党员数
    present: 3                    # 换届选举必填：到会有选举权的党员数
  - type: 预备党员转正讨论
    date: 2026-08-20
    member: 赵敏                    # 预备党员转正讨论必填：讨论谁的转正
    attendees: [张三, 李四, 王五]
  - type: 其他
    date: 2026-08-01
    topic: 慰问退休老党员
    expected: 4                   # 应到人数（只有人数、没有名单时）
    present: 3                    # 实到人数

projects:                         # 两带两创等活动载体
  - name: 党员先锋岗攻坚项目          # 项目名称
    approved: 2026-02-01           # 立项日期
    owner: 张三                     # 责任人
    goals: [年内完成主体结构施工]      # 目标
    status: ongoing               # ongoing 进行中（默认）| done 已完成
    progress:                     # 进展记录
      - { date: 2026-05-20, note: 完成第一阶段 }   # 进展日期、进展说明

rectifications:                   # 以前发现的问题及整改
  - issue: 二季度未召开支部党员大会     # 问题
    rule: meetings.general-quarterly   # 发现它的规则（可选）
    found: 2026-07-10             # 发现日期
    deadline: 2026-08-10          # 整改时限
    owner: 张三                    # 整改责任人
    status: done                  # open 待整改（默认）| done 已整改
    done: 2026-07-08              # 整改完成日期

exemptions:                       # 经批准的豁免
  - rule: meetings.committee-monthly   # 豁免的规则
    subject: 王五                  # 只豁免关于此对象的问题（可选）
    period: 2026-02               # 月、季度（2026Q1）或年（2026）；省略=任何期间
    reason: 春节停工               # 豁免理由
    approved_by: 公司党委           # 批准单位
    expires: 2026-12-31           # 过期后不再豁免
`;

export const organizationTemplate = `# yaml-language-server: $schema=../zhibu.schema.json
organization:                     # 党组织基本信息
  id: corp                        # 必填；支部的 parent 指向它
  name: XX公司党委                  # 必填

leaders:                          # 党员领导干部及其联系点
  - name: 赵六                      # 姓名
    title: 副总经理                 # 职务
    branch: pb-001                # 本人所在支部（双重组织生活）
    liaison: pb-003               # 联系点：支部编号，或 支部编号/党小组名称

units:                            # 行政单位和项目（支部建在项目上）
  - name: 第五项目部                # 单位或项目名称
    party_members: 2              # 在该单位工作的正式党员人数

exemptions: []                    # 组织层面规则的豁免，写法同支部文件
`;
