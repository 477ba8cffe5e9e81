<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChainCommands</name>
    <message>
        <location filename="../../ui/commands/chain_commands.cpp" line="+49"/>
        <source>Add neuron</source>
        <translation>添加神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove neuron</source>
        <translation>移除神经元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add hidden layer</source>
        <translation>添加隐藏层</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove hidden layer</source>
        <translation>移除隐藏层</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../core/graph/layer_options.cpp" line="+62"/>
        <source>must be above %1 and below %2</source>
        <translation>必须大于 %1 且小于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be above %1 and at most %2</source>
        <translation>必须大于 %1 且不大于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at least %1 and below %2</source>
        <translation>必须不小于 %1 且小于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at least %1 and at most %2</source>
        <translation>必须不小于 %1 且不大于 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs %1 to %2 sizes</source>
        <translation>需要 %1 到 %2 个维度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has a size outside %1 to %2</source>
        <translation>有维度大小超出 %1 到 %2 的范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a list of sizes</source>
        <translation>必须是一组维度大小</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a name</source>
        <translation>必须是名称</translation>
    </message>
    <message>
        <location filename="../../core/graph/validator.cpp" line="+35"/>
        <source>%1 &apos;%2&apos;</source>
        <translation>%1层“%2”</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The network is empty — drag an Input layer onto the canvas.</source>
        <translation>网络是空的——请把一个“输入”层拖到画布上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Two layers share the id %1.</source>
        <translation>有两个层使用同一个 id %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another layer is also called &apos;%1&apos; — give each layer its own name.</source>
        <translation>另一个层也叫“%1”——请给每个层取不同的名字。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A wire connects to a layer that does not exist (id %1).</source>
        <translation>有一条连线连到了不存在的层（id %1）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has two wires into the same input slot %2.</source>
        <translation>%1的输入端口 %2 上有两条连线。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is part of a loop — a network must flow one way; remove one of the wires.</source>
        <translation>%1处在一个环路中——网络中的数据只能单向流动；请删除其中一条连线。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 %3.</source>
        <translation>%1：%2%3。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 looks up integer ids, but %2 gives real values — set that Input&apos;s values to ids.</source>
        <translation>%1 查找的是整数 ID，但 %2 给出的是实数——请把该输入层的取值设为 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 looks up integer ids, but %2 computes real values — wire an Input whose values are ids straight into it.</source>
        <translation>%1 查找的是整数 ID，但 %2 计算出的是实数——请把取值为 ID 的输入层直接连到它。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 has no input — connect a layer to it.</source>
        <translation>%1没有输入——请给它连接一个层。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 takes two inputs — connect another layer.</source>
        <translation>%1需要两个输入——请再连接一个层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 takes two or more inputs — connect another layer.</source>
        <translation>%1需要两个或更多输入——请再连接一个层。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 takes one input but %2 are connected — merge them first with Concatenate or Add.</source>
        <translation>%1只接受一个输入，但连接了 %2 个——请先用“拼接”或“相加”层把它们合并。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 takes two inputs but %2 are connected.</source>
        <translation>%1只接受两个输入，但连接了 %2 个。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is an input: nothing can be wired into it.</source>
        <translation>%1是数据的入口：不能有连线接入它。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 brings the network&apos;s inputs to more than %2 values per sample together — use fewer or smaller inputs.</source>
        <translation>%1使网络所有输入合计每个样本超过 %2 个值——请减少输入或缩小输入。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The network has no Input layer — add one and wire it to the first layer.</source>
        <translation>网络没有“输入”层——请添加一个，并把它连到第一层。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not connected to any Input — wire it into the network or delete it.</source>
        <translation>%1没有连接到任何“输入”层——请把它接入网络，或将其删除。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is a loose end: the network must end in exactly one layer — connect it onward or delete it.</source>
        <translation>%1是悬空的末端：网络必须恰好结束于一个层——请把它继续向后连接，或将其删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The network has no output layer.</source>
        <translation>网络没有输出层。</translation>
    </message>
    <message>
        <location filename="../../core/layers/dense.cpp" line="+62"/>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="+31"/>
        <source>%1 would have %2 parameters (the limit is %3) — use fewer units.</source>
        <translation>%1将有 %2 个参数（上限为 %3）——请减少神经元数。</translation>
    </message>
    <message>
        <location filename="../../core/layers/dot.cpp" line="+49"/>
        <source>%1 multiplies flat vectors but receives %2 — add Flatten.</source>
        <translation>%1只能对一维向量做点积，但收到的是 %2——请添加“展平”层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 multiplies vectors of one length but receives %2 and %3 — give both branches the same size.</source>
        <translation>%1要求两个向量长度相同，但收到的是 %2 和 %3——请让两个分支的大小相同。</translation>
    </message>
    <message>
        <location filename="../../core/layers/layer_registry.cpp" line="+12"/>
        <source>%1 expects a flat input but receives %2 — add Flatten.</source>
        <translation>%1需要一维输入，但收到的是 %2——请添加“展平”层。</translation>
    </message>
    <message>
        <location filename="../../core/layers/reshape.cpp" line="+37"/>
        <source>%1 turns %2 values (%3) into %4 = too many — choose sizes that multiply to %2.</source>
        <translation>%1要把 %2 个值（%3）变形为 %4，数量过多——请选择乘积等于 %2 的各维大小。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 turns %2 values (%3) into %4 = %5 — choose sizes that multiply to %2.</source>
        <translation>%1要把 %2 个值（%3）变形为 %4 = %5 个值——请选择乘积等于 %2 的各维大小。</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="+172"/>
        <source>%1 is too large (%2 values per sample).</source>
        <translation>%1太大（每个样本 %2 个值）。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1 joins flat vectors but receives %2 — add Flatten.</source>
        <translation>%1只能拼接一维向量，但收到的是 %2——请添加“展平”层。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 would join %2 values per sample (the limit is %3).</source>
        <translation>%1每个样本将拼接出 %2 个值（上限为 %3）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 adds inputs of the same shape but receives %2 and %3 — give both branches the same number of units.</source>
        <translation>%1要求相加的输入形状相同，但收到的是 %2 和 %3——请让两个分支的神经元数相同。</translation>
    </message>
    <message>
        <location filename="../../core/layers/conv2d.cpp" line="+116"/>
        <source>%1 slides over images [channels, height, width] but receives %2 — add a Reshape before it (e.g. to 1x28x28).</source>
        <translation>%1在图像 [通道, 高, 宽] 上滑动，但收到的是 %2——请在它之前添加“变形”层（例如变为 1x28x28）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s %2 kernel does not fit in its %3 input — use a smaller kernel or padding &apos;same&apos;.</source>
        <translation>%1的 %2 卷积核放不进它的 %3 输入——请用更小的卷积核，或把填充设为“same”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 would have %2 parameters (the limit is %3) — use fewer filters.</source>
        <translation>%1将有 %2 个参数（上限为 %3）——请减少卷积核个数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 would give %2 values per sample (the limit is %3) — use fewer filters or a larger stride.</source>
        <translation>%1每个样本将输出 %2 个数（上限为 %3）——请减少卷积核个数或增大步幅。</translation>
    </message>
    <message>
        <location filename="../../core/layers/pooling.cpp" line="+209"/>
        <source>%1 pools images [channels, height, width] but receives %2 — add a Reshape before it (e.g. to 1x28x28).</source>
        <translation>%1对图像 [通道, 高, 宽] 做池化，但收到的是 %2——请在它之前添加“变形”层（例如变为 1x28x28）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1&apos;s %2 window does not fit in its %3 input — use a smaller pool size or padding &apos;same&apos;.</source>
        <translation>%1的 %2 池化窗口放不进它的 %3 输入——请用更小的池化窗口，或把填充设为“same”。</translation>
    </message>
    <message>
        <location filename="../../core/layers/embedding.cpp" line="+148"/>
        <source>%1 looks up a row of ids but receives %2 — give its Input one size, the number of ids per sample.</source>
        <translation>%1 查找一行 ID，却收到 %2——请给它的输入层只设一个尺寸，即每个样本的 ID 个数。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 would have %2 parameters (the limit is %3) — use a smaller vocabulary or dimension.</source>
        <translation>%1 将有 %2 个参数（上限为 %3）——请减小词表大小或维度。</translation>
    </message>
    <message>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="-17"/>
        <source>%1 reads sequences [time, features] but receives %2 — add a Reshape before it (e.g. to %3: one value per step).</source>
        <translation>%1 读取序列 [时间步, 特征]，但收到的是 %2 —— 请在它前面加一个 Reshape（例如改为 %3：每步一个值）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 would give %2 values per sample (the limit is %3) — use fewer units or return only the last state.</source>
        <translation>%1 每个样本会产生 %2 个值（上限为 %3）—— 请减少单元数，或只返回最后的状态。</translation>
    </message>
    <message>
        <location filename="../../core/train/fit_check.cpp" line="+73"/>
        <source>%1 ends in Softmax, but the loss is binary cross-entropy, made for one sigmoid output — choose sparse categorical cross-entropy as the loss.</source>
        <translation>%1 以 Softmax 结尾，但损失是二元交叉熵，它是为单个 sigmoid 输出设计的——请把损失改为稀疏分类交叉熵。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is the output and its activation is %2, but binary cross-entropy needs probabilities between 0 and 1 — set the output activation to sigmoid.</source>
        <translation>%1 是输出层，其激活函数为 %2，但二元交叉熵需要 0 到 1 之间的概率——请把输出层的激活函数设为 sigmoid。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has %2 sigmoid outputs with binary cross-entropy: each output learns its own yes/no question. For one class per sample, end in Softmax and use categorical cross-entropy.</source>
        <translation>%1 有 %2 个 sigmoid 输出并使用二元交叉熵：每个输出各自学习一个是/否问题。若每个样本只属于一个类别，请以 Softmax 结尾并使用分类交叉熵。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is the output, but a categorical cross-entropy needs class probabilities — add a Softmax layer after it.</source>
        <translation>%1 是输出层，但分类交叉熵需要类别概率——请在它后面添加一个 Softmax 层。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The target is a continuous number (a regression), but the loss %1 needs class labels — choose mean squared error (mse) as the loss.</source>
        <translation>目标是连续数值（回归），但损失 %1 需要类别标签——请把损失改为均方误差（mse）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The target is far from unit scale, so the first errors and steps are huge — scale the target (the predictions stay in its own units).</source>
        <translation>目标值远离单位尺度，因此最初的误差和步长都很大——请缩放目标值（预测仍以目标值自身的单位给出）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The network takes %1 inputs, but the data has %2 features — set the Input layer&apos;s shape to %2.</source>
        <translation>网络接收 %1 个输入，但数据有 %2 个特征——请把输入层的形状设为 %2。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 gives %2 outputs, but the data has %3 classes and this loss needs %4 — set the last Dense layer&apos;s units to %4.</source>
        <translation>%1 给出 %2 个输出，但数据有 %3 个类别，此损失需要 %4 个——请把最后一个全连接层的神经元数设为 %4。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 gives %2 outputs, but the data has %3 target values per sample — set the last Dense layer&apos;s units to %3.</source>
        <translation>%1 给出 %2 个输出，但数据每个样本有 %3 个目标值——请把最后一个全连接层的神经元数设为 %3。</translation>
    </message>
    <message>
        <location filename="../../core/io/run_compare.cpp" line="+24"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>categorical cross-entropy</source>
        <translation>分类交叉熵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sparse categorical cross-entropy</source>
        <translation>稀疏分类交叉熵</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+179"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>z-score</source>
        <translation>Z 分数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min-max</source>
        <translation>最小-最大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pixels 0–1</source>
        <translation>像素 0–1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two blobs</source>
        <translation>两团点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bumps</source>
        <translation>起伏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three spirals</source>
        <translation>三螺旋</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lr %1 → %2</source>
        <translation>学习率 %1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>momentum %1 → %2</source>
        <translation>动量 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nesterov on</source>
        <translation>开启 Nesterov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov off</source>
        <translation>关闭 Nesterov</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>β₁ %1 → %2</source>
        <translation>β₁ %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>β₂ %1 → %2</source>
        <translation>β₂ %1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>weight decay %1 → %2</source>
        <translation>权重衰减 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>schedule %1 → %2</source>
        <translation>学习率调度 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>batch %1 → %2</source>
        <translation>批大小 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>epochs %1 → %2</source>
        <translation>轮数 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>loss %1 → %2</source>
        <translation>损失 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed %1 → %2</source>
        <translation>随机种子 %1 → %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>hidden %1 → %2</source>
        <translation>隐藏层 %1 → %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2 %3 → %4</source>
        <translation>%1：%2 %3 → %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+22"/>
        <source>− %1</source>
        <translation>− %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>dropout %1</source>
        <translation>Dropout %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no dropout (was %1)</source>
        <translation>去掉 Dropout（原为 %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>activation %1 → %2</source>
        <translation>激活函数 %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: activation %2 → %3</source>
        <translation>%1：激活函数 %2 → %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropout %1 → %2</source>
        <translation>Dropout %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: dropout %2 → %3</source>
        <translation>%1：Dropout %2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L1 %1 → %2</source>
        <translation>L1 %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: L1 %2 → %3</source>
        <translation>%1：L1 %2 → %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 %1 → %2</source>
        <translation>L2 %1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: L2 %2 → %3</source>
        <translation>%1：L2 %2 → %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>data %1 → %2</source>
        <translation>数据 %1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>noise %1 → %2</source>
        <translation>噪声 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>samples %1 → %2</source>
        <translation>样本数 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data seed %1 → %2</source>
        <translation>数据随机种子 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>inputs %1 → %2</source>
        <translation>输入 %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>target %1 → %2</source>
        <translation>目标 %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>normalisation %1 → %2</source>
        <translation>归一化 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>test data %1 → %2</source>
        <translation>测试数据 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation data %1 → %2</source>
        <translation>验证数据 %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>split seed %1 → %2</source>
        <translation>划分随机种子 %1 → %2</translation>
    </message>
</context>
<context>
    <name>ExplainConv</name>
    <message>
        <location filename="../../ui/explain/explain_conv.cpp" line="+95"/>
        <source>Filter %1 at %2 of its feature map</source>
        <translation>卷积核 %1 在其特征图的%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (channel %1)</source>
        <translation>（通道 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel &lt;i&gt;k&lt;/i&gt;%1</source>
        <translation>卷积核 &lt;i&gt;k&lt;/i&gt;%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input patch &lt;i&gt;x&lt;/i&gt;</source>
        <translation>输入块 &lt;i&gt;x&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The kernel has %1 channels, one per input feature map: each gives a sum like the one above (choose the channel to see its numbers).</source>
        <translation>卷积核有 %1 个通道，每个输入特征图一个：每个通道都给出一个像上面那样的和（选择通道即可查看它的数值）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Part of the window lies outside the image: there the input is the zero padding, x = 0.</source>
        <translation>窗口有一部分在图像之外：那里的输入是补零填充，x = 0。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+115"/>
        <source>Channel %1 at %2</source>
        <translation>通道 %1 的%2</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>The largest input wins: %1 at %2 of the input. The other %3 values are dropped.</source>
        <translation>最大的输入胜出：输入中%2处的 %1。其余 %3 个值被舍弃。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>δ of filter %1 at %2</source>
        <translation>卷积核 %1 在%2处的 δ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The gradient of kernel weight %1</source>
        <translation>卷积核权重 %1 的梯度</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>positions</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The same weight was used at all %1 positions of the feature map, so its gradient adds up δ times the input it saw at each one. %2 of the terms are zero (δ = 0 where ReLU was off or a pooling window dropped the value, or x = 0).</source>
        <translation>同一个权重用在了特征图的全部 %1 个位置上，所以它的梯度是每个位置上的 δ 乘以它在那里看到的输入之和。其中 %2 项为零（ReLU 关闭或池化窗口舍弃了该值处 δ = 0，或者 x = 0）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>δ sent back to the input patch</source>
        <translation>传回输入块的 δ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each input of the window receives δ · k from this position; the input&apos;s whole gradient ∂E/∂x adds this up over every filter and every position whose window covers it.</source>
        <translation>窗口中的每个输入从这个位置得到 δ · k；输入的完整梯度 ∂E/∂x 是所有卷积核、所有覆盖它的窗口位置上这些量之和。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only the winner of the window (%1 at %2) passes its value on, so only it receives the gradient %3; the other inputs of the window get 0.</source>
        <translation>只有窗口中的胜出者（%2处的 %1）把值传了下去，所以只有它得到梯度 %3；窗口中的其他输入得到 0。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every input of the window counted equally in the average, so each gets an equal share of the gradient.</source>
        <translation>窗口中的每个输入在平均值中的分量相同，所以每个输入得到同样份额的梯度。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Each filter&apos;s %1 kernel slides over the input. At every position it multiplies the values under it by its weights and adds them up with its bias (z), then applies %2: one pixel of its feature map. Click a pixel of the output map.</source>
        <translation>每个 %1 卷积核在输入上滑动。在每个位置，它把覆盖的值乘以自己的权重，再与偏置相加（z），然后应用 %2：得到其特征图的一个像素。点击输出图中的一个像素。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A %1 window slides over each feature map and keeps the largest value: the map gets smaller but still knows where the pattern was.</source>
        <translation>一个 %1 窗口在每张特征图上滑动，保留最大值：特征图变小，但仍记得图案在哪里。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A %1 window slides over each feature map and keeps the average.</source>
        <translation>一个 %1 窗口在每张特征图上滑动，保留平均值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>δ = ∂E/∂z at every pixel of the feature maps. A kernel weight was used at every position, so its gradient is the sum of δ times the input it saw there: ∂E/∂k = Σ δ·x. Click a kernel weight to see its sum.</source>
        <translation>特征图每个像素上的 δ = ∂E/∂z。卷积核的一个权重在每个位置都用到了，所以它的梯度是 δ 乘以它在那里看到的输入之和：∂E/∂k = Σ δ·x。点击卷积核的一个权重查看这个和。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pooling layer has no weights: it passes each gradient back to the inputs that made its output.</source>
        <translation>池化层没有权重：它把每个梯度传回给产生其输出的输入。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>row %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 · Forward pass: convolution “%1”</source>
        <translation>1 · 前向传播：卷积层“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 · Forward pass: pooling “%1”</source>
        <translation>1 · 前向传播：池化层“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 · Backward pass: convolution “%1”</source>
        <translation>3 · 反向传播：卷积层“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 · Backward pass: pooling “%1”</source>
        <translation>3 · 反向传播：池化层“%1”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A mini-batch of %1 samples: the maps and the numbers are those of sample #%2; the gradients are the mean over the batch.</source>
        <translation>包含 %1 个样本的小批量：图和数值都是第 %2 号样本的；梯度是整个批次的平均值。</translation>
    </message>
</context>
<context>
    <name>ExplainRecurrent</name>
    <message numerus="yes">
        <location filename="../../ui/explain/explain_recurrent.cpp" line="+84"/>
        <source>(%n value(s))</source>
        <translation>
            <numerusform>（%n 个值）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The first %1 of %2 units.</source>
        <translation>只列出 %2 个单元中的前 %1 个。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步（共 %2 步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1 of %2: “%3”</source>
        <translation>第 %1 步（共 %2 步）：“%3”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Masked: state unchanged.</source>
        <translation>已掩码：状态不变。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This step is padding (id 0): the layer carries the state over, h&lt;sub&gt;t&lt;/sub&gt; = h&lt;sub&gt;t−1&lt;/sub&gt; and c&lt;sub&gt;t&lt;/sub&gt; = c&lt;sub&gt;t−1&lt;/sub&gt;, and nothing learns from it.</source>
        <translation>这一步是填充（id 0）：层把状态原样带到下一步，h&lt;sub&gt;t&lt;/sub&gt; = h&lt;sub&gt;t−1&lt;/sub&gt;，c&lt;sub&gt;t&lt;/sub&gt; = c&lt;sub&gt;t−1&lt;/sub&gt;，也没有参数从这一步学习。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This step is padding (id 0): the layer carries the state over, h&lt;sub&gt;t&lt;/sub&gt; = h&lt;sub&gt;t−1&lt;/sub&gt;, and nothing learns from it.</source>
        <translation>这一步是填充（id 0）：层把状态原样带到下一步，h&lt;sub&gt;t&lt;/sub&gt; = h&lt;sub&gt;t−1&lt;/sub&gt;，也没有参数从这一步学习。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+56"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+56"/>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>From the last step back to the first the gradient&apos;s size changes by a factor of %1.</source>
        <translation>从最后一步反向传回第一步，梯度的大小变为原来的 %1 倍。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The gradient of %1, summed over the steps</source>
        <translation>%1 的梯度：对各步求和</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For the GRU&apos;s n gate the recurrent part enters through the reset gate, so here δ&lt;sub&gt;t&lt;/sub&gt; is multiplied by r&lt;sub&gt;t&lt;/sub&gt;.</source>
        <translation>GRU 的 n 门中，循环部分要经过重置门，所以这里 δ&lt;sub&gt;t&lt;/sub&gt; 要乘以 r&lt;sub&gt;t&lt;/sub&gt;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>share</source>
        <translation>该步的份额</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The optimizer is not plain SGD: it also uses its running averages, so the step differs from α·∂E/∂w.</source>
        <translation>优化器不是普通的 SGD：它还用到梯度的滑动平均，所以这一步与 α·∂E/∂w 不同。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The LSTM reads the sentence one word at a time. At each step its gates look at the word x&lt;sub&gt;t&lt;/sub&gt; and the previous state h&lt;sub&gt;t−1&lt;/sub&gt;: the input gate i decides what to write, the forget gate f what to keep of the cell c, the candidate g what could be written, and the output gate o what to show as h.</source>
        <translation>长短期记忆网络（LSTM）逐词读句子。每一步，各个门都查看当前词 x&lt;sub&gt;t&lt;/sub&gt; 和上一步的状态 h&lt;sub&gt;t−1&lt;/sub&gt;：输入门 i 决定写入什么，遗忘门 f 决定记忆单元 c 保留多少，候选值 g 是可以写入的内容，输出门 o 决定把什么作为 h 输出。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The GRU reads the sentence one word at a time. The reset gate r decides how much of the previous state h&lt;sub&gt;t−1&lt;/sub&gt; the candidate n sees; the update gate z mixes the old state and the candidate into h&lt;sub&gt;t&lt;/sub&gt;.</source>
        <translation>GRU 逐词读句子。重置门 r 决定候选值 n 能看到多少上一步的状态 h&lt;sub&gt;t−1&lt;/sub&gt;；更新门 z 把旧状态和候选值混合成 h&lt;sub&gt;t&lt;/sub&gt;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SimpleRNN reads the sentence one word at a time: the new state h&lt;sub&gt;t&lt;/sub&gt; mixes the word x&lt;sub&gt;t&lt;/sub&gt; with the previous state h&lt;sub&gt;t−1&lt;/sub&gt; through tanh.</source>
        <translation>简单循环神经网络（SimpleRNN）逐词读句子：新状态 h&lt;sub&gt;t&lt;/sub&gt; 通过 tanh 把当前词 x&lt;sub&gt;t&lt;/sub&gt; 和上一步的状态 h&lt;sub&gt;t−1&lt;/sub&gt; 混合起来。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backpropagation through time: ∂E/∂h&lt;sub&gt;t&lt;/sub&gt; says how much the error changes when the state after step t changes. On its way back it is multiplied at every step by the recurrent weights and the gates&apos; slopes: in a SimpleRNN it often shrinks step after step (the vanishing gradient), while an LSTM&apos;s cell carries it further. A weight is used at every step, so its gradient is the sum of the steps&apos; shares.</source>
        <translation>随时间反向传播：∂E/∂h&lt;sub&gt;t&lt;/sub&gt; 表示第 t 步之后的状态改变时误差改变多少。它在反向传回的路上每一步都要乘以循环权重和各门的斜率：在 SimpleRNN 中它常常一步步变小（梯度消失），而 LSTM 的记忆单元能把它传得更远。同一个权重在每一步都被使用，所以它的梯度是各步份额之和。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>1 · Forward pass: %1 “%2”, step %3 of %4</source>
        <translation>1 · 前向传播：%1“%2”，第 %3 步（共 %4 步）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 · Backward through time: %1 “%2”</source>
        <translation>3 · 随时间反向传播：%1“%2”</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A mini-batch of %1 samples: the steps are those of sample #%2; the gradients are the mean over the batch.</source>
        <translation>含 %1 个样本的小批量：各步显示的是样本 #%2 的数值；梯度是整个批量的平均值。</translation>
    </message>
</context>
<context>
    <name>ExplainText</name>
    <message>
        <location filename="../../ui/explain/explain_text.cpp" line="+54"/>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 · Forward pass: the inputs</source>
        <translation>1 · 前向传播：输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 · Forward pass: layer “%1” (%2 of %3)</source>
        <translation>1 · 前向传播：层“%1”（第 %2 层，共 %3 层）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2 · Loss: the output against the target</source>
        <translation>2 · 损失：输出与目标的比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 · Backward pass: layer “%1” (%2 of %3)</source>
        <translation>3 · 反向传播：层“%1”（第 %2 层，共 %3 层）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 · Update: every weight takes a step</source>
        <translation>4 · 更新：每个权重迈出一步</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>&lt;i&gt;E&lt;/i&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; h(&lt;i&gt;a&lt;/i&gt;&lt;sub&gt;k&lt;/sub&gt; − &lt;i&gt;y&lt;/i&gt;&lt;sub&gt;k&lt;/sub&gt;), h(r) = ½r² if |r| ≤ %1, else %1(|r| − ½·%1)</source>
        <translation>&lt;i&gt;E&lt;/i&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; h(&lt;i&gt;a&lt;/i&gt;&lt;sub&gt;k&lt;/sub&gt; − &lt;i&gt;y&lt;/i&gt;&lt;sub&gt;k&lt;/sub&gt;)，当 |r| ≤ %1 时 h(r) = ½r²，否则 h(r) = %1(|r| − ½·%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;i&gt;E&lt;/i&gt; = −ln &lt;i&gt;a&lt;/i&gt;&lt;sub&gt;y&lt;/sub&gt; (the probability of the true class)</source>
        <translation>&lt;i&gt;E&lt;/i&gt; = −ln &lt;i&gt;a&lt;/i&gt;&lt;sub&gt;y&lt;/sub&gt;（真实类别的概率）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>For a batch of %1 samples: &lt;i&gt;E&lt;/i&gt; = (1/%1) Σ&lt;sub&gt;n&lt;/sub&gt; &lt;i&gt;E&lt;/i&gt;&lt;sub&gt;n&lt;/sub&gt; = &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>对 %1 个样本的批次：&lt;i&gt;E&lt;/i&gt; = (1/%1) Σ&lt;sub&gt;n&lt;/sub&gt; &lt;i&gt;E&lt;/i&gt;&lt;sub&gt;n&lt;/sub&gt; = &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_parts.cpp" line="+161"/>
        <location line="+12"/>
        <location filename="../../ui/explain/explain_text.cpp" line="+18"/>
        <location line="+156"/>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_text.cpp" line="-156"/>
        <source>output a</source>
        <translation>输出 a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>With %1 and cross-entropy the slope of the activation cancels: δ is simply the output minus the target.</source>
        <translation>使用 %1 与交叉熵时，激活函数的斜率恰好抵消：δ 就是输出减去目标。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>δ′ are the deltas of the next layer “%1”.</source>
        <translation>δ′ 是下一层“%1”的 δ。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This weight grows because its gradient is negative: a larger weight lowers the error.</source>
        <translation>这个权重变大，因为它的梯度为负：更大的权重会降低误差。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This weight shrinks because its gradient is positive: a smaller weight lowers the error.</source>
        <translation>这个权重变小，因为它的梯度为正：更小的权重会降低误差。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This weight stays: its gradient is zero, so changing it would not change the error.</source>
        <translation>这个权重保持不变：它的梯度为零，改变它不会改变误差。</translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_conv.cpp" line="-114"/>
        <location filename="../../ui/explain/explain_text.cpp" line="+4"/>
        <source>The optimizer is not plain SGD: it also uses its running averages, so the step differs from α·∂E/∂w.</source>
        <translation>该优化器不是普通的 SGD：它还用到滑动平均，所以步长与 α·∂E/∂w 不同。</translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_text.cpp" line="+4"/>
        <source>The step also contains momentum or the regularisation term, so it differs from α·∂E/∂w.</source>
        <translation>这一步还包含动量或正则化项，所以与 α·∂E/∂w 不同。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Weight %1: from neuron %2 of “%3” to neuron %4 of “%5”</source>
        <translation>权重 %1：从“%3”的神经元 %2 到“%5”的神经元 %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is what the weight adds to %1 in the forward pass.</source>
        <translation>这是前向传播中该权重对 %1 的贡献。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Per-sample contributions (their mean is the gradient):</source>
        <translation>每个样本的贡献（它们的平均值就是梯度）：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The gradient is negative: increasing this weight would lower the error.</source>
        <translation>梯度为负：增大这个权重会降低误差。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gradient is positive: decreasing this weight would lower the error.</source>
        <translation>梯度为正：减小这个权重会降低误差。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gradient is zero: this weight does not change the error now.</source>
        <translation>梯度为零：这个权重目前不影响误差。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Neuron %1 of “%2”</source>
        <translation>“%2”的神经元 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An input feature of the sample, as the network sees it (after normalisation).</source>
        <translation>样本的一个输入特征，即网络看到的值（归一化之后）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The forward pass has not reached this layer yet.</source>
        <translation>前向传播尚未到达这一层。</translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_parts.cpp" line="-12"/>
        <location line="+23"/>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>δ per sample</source>
        <translation>每个样本的 δ</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>old</source>
        <translation>旧值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>change</source>
        <translation>变化量</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The first %n value(s) of each parameter; click a weight for its own update.</source>
        <translation>
            <numerusform>每个参数只列出前 %n 个值；点击一个权重可查看它自己的更新。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/explain/explain_text.cpp" line="+20"/>
        <source>The sample&apos;s features enter the network.</source>
        <translation>样本的特征进入网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each neuron adds up its inputs times their weights plus its bias (z), then applies %1: a = %1(z).</source>
        <translation>每个神经元把输入乘以对应权重后求和，再加上偏置（得到 z），然后应用 %1：a = %1(z)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The output is compared with the target: the error E = %1 says how wrong the network is.</source>
        <translation>把输出与目标比较：误差 E = %1 表示网络错得有多远。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>δ = ∂E/∂z says how much the error changes when a neuron&apos;s z changes; the gradient of each incoming weight is δ times the input it carried: ∂E/∂w = δ·a.</source>
        <translation>δ = ∂E/∂z 表示神经元的 z 变化时误差变化多少；每个输入权重的梯度等于 δ 乘以它传递的输入：∂E/∂w = δ·a。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each neuron&apos;s δ gathers the next layer&apos;s δs through its outgoing weights, times the slope of %1 at its z; then ∂E/∂w = δ·a for its incoming weights.</source>
        <translation>每个神经元的 δ 通过其输出权重汇集下一层的 δ，再乘以 %1 在其 z 处的斜率；然后其输入权重的梯度为 ∂E/∂w = δ·a。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every weight takes a step against its gradient. %1 sizes each step from the running averages of the weight&apos;s gradients, so the change in the table differs from α·∂E/∂w (α = %2). The boundary redraws with the new weights.</source>
        <translation>每个权重都沿梯度的反方向迈出一步。%1 根据该权重梯度的滑动平均来决定每一步的大小，所以表中的变化量不同于 α·∂E/∂w（α = %2）。决策边界随新的权重重新绘制。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every weight takes a step against its gradient, w ← w − α·∂E/∂w, with the learning rate α = %1. The boundary redraws with the new weights.</source>
        <translation>每个权重沿梯度的反方向迈出一步：w ← w − α·∂E/∂w，学习率 α = %1。决策边界随新权重重新绘制。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A mini-batch of %1 samples: the neuron view shows sample #%2; the gradients are the mean over the batch.</source>
        <translation>包含 %1 个样本的小批量：神经元视图显示第 %2 号样本；梯度是整个批次的平均值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click a neuron or a weight for its formula with the numbers.</source>
        <translation>点击神经元或权重，查看代入数值的公式。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All weights</source>
        <translation>所有权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This layer</source>
        <translation>本层</translation>
    </message>
</context>
<context>
    <name>FitFixes</name>
    <message>
        <location filename="../../ui/document/fit_fixes.cpp" line="+32"/>
        <location line="+4"/>
        <source>Use %1</source>
        <translation>改用 %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Add Softmax</source>
        <translation>添加 Softmax</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set 1 unit</source>
        <translation>设为 1 个神经元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set %1 units</source>
        <translation>设为 %1 个神经元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set 1 input</source>
        <translation>设为 1 个输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set %1 inputs</source>
        <translation>设为 %1 个输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale the target</source>
        <translation>缩放目标值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fix: %1</source>
        <translation>修正：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>target scaling</source>
        <translation>目标值缩放</translation>
    </message>
</context>
<context>
    <name>GraphCommands</name>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="+23"/>
        <source>New %1 layer</source>
        <translation>新建%1层</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete %1</source>
        <translation>删除%1层</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Delete wire</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete wires</source>
        <translation>删除多条连线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1 layers</source>
        <translation>删除 %1 个层</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+52"/>
        <location line="+25"/>
        <source>Change %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Paste layer</source>
        <translation>粘贴层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste %1 layers</source>
        <translation>粘贴 %1 个层</translation>
    </message>
</context>
<context>
    <name>LayerCatalog</name>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="-130"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../core/layers/dense.cpp" line="+46"/>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="+26"/>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../core/layers/batch_norm.cpp" line="+94"/>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="+21"/>
        <source>Concatenate</source>
        <translation>拼接</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Add</source>
        <translation>相加</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Where the data enters: one value per feature of a sample.</source>
        <translation>数据从这里进入网络：样本的每个特征对应一个值。</translation>
    </message>
    <message>
        <location filename="../../core/layers/dense.cpp" line="+1"/>
        <source>Neurons that each weigh every input, add a bias and apply an activation.</source>
        <translation>每个神经元对所有输入加权求和，加上偏置，再经过激活函数。</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="+26"/>
        <source>Bends its input with a function such as ReLU or tanh.</source>
        <translation>用 ReLU、tanh 等非线性函数变换输入。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Turns scores into class probabilities that sum to 1.</source>
        <translation>把得分转换为总和为 1 的各类别概率。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>While training, switches off random units so the network cannot memorise.</source>
        <translation>训练时随机关闭一部分神经元，使网络无法死记硬背。</translation>
    </message>
    <message>
        <location filename="../../core/layers/batch_norm.cpp" line="+1"/>
        <source>Rescales each feature to mean 0 and spread 1 over the batch.</source>
        <translation>在每个批次上把每个特征缩放为均值 0、方差 1。</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="+21"/>
        <source>Joins several inputs end to end into one longer vector.</source>
        <translation>把多个输入首尾相接，拼成一个更长的向量。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Adds inputs of the same shape element by element (a skip connection).</source>
        <translation>把形状相同的输入逐元素相加（跳跃连接）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Lays an image or grid out as one long row of numbers.</source>
        <translation>把图像或网格展开成一行数字。</translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="+59"/>
        <source>Uniform ±0.05 (Keras)</source>
        <translation>均匀分布 ±0.05（Keras）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal, σ = 1 (PyTorch)</source>
        <translation>正态分布，σ = 1（PyTorch）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ids</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>real numbers</source>
        <translation>实数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Linear (none)</source>
        <translation>线性（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Uniform ±0.5 (Playground)</source>
        <translation>均匀分布 ±0.5（Playground）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glorot uniform</source>
        <translation>Glorot 均匀分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Glorot normal</source>
        <translation>Glorot 正态分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>He uniform</source>
        <translation>He 均匀分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>He normal</source>
        <translation>He 正态分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categorical cross-entropy</source>
        <translation>分类交叉熵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sparse categorical cross-entropy</source>
        <translation>稀疏分类交叉熵</translation>
    </message>
    <message>
        <location filename="../../core/layers/dot.cpp" line="-11"/>
        <source>Dot</source>
        <translation>点积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiplies two vectors of one length element by element and sums: one number that is large when they agree.</source>
        <translation>把两个等长向量逐元素相乘再求和：两者越一致，得到的数越大。</translation>
    </message>
    <message>
        <location filename="../../core/layers/reshape.cpp" line="-20"/>
        <source>Reshape</source>
        <translation>变形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sees the same numbers in another shape: a row as an image, or an image as a row.</source>
        <translation>用另一种形状看待同样的数：把一行数看成图像，或把图像看成一行数。</translation>
    </message>
    <message>
        <location filename="../../core/layers/conv2d.cpp" line="+77"/>
        <source>Conv2D</source>
        <translation>二维卷积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters that slide over an image, each giving a map of where its pattern appears.</source>
        <translation>在图像上滑动的卷积核，每个卷积核给出一张特征图，显示它的图案出现在哪里。</translation>
    </message>
    <message>
        <location filename="../../core/layers/pooling.cpp" line="+38"/>
        <source>Max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the largest value of each small window: a smaller map that still knows where patterns are.</source>
        <translation>保留每个小窗口中的最大值：特征图变小，但仍记得图案在哪里。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Averages each small window: a smaller, smoother map.</source>
        <translation>对每个小窗口取平均：特征图变小、变平滑。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Global average pooling</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One number per feature map: its mean. Turns an image into a flat vector.</source>
        <translation>每张特征图取一个数：它的平均值。把图像变成一维向量。</translation>
    </message>
    <message>
        <location filename="../../core/layers/embedding.cpp" line="-13"/>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks up a learned vector for each integer id (a user, an item, a word).</source>
        <translation>为每个整数 ID（一个用户、一个物品、一个词）查找一个学到的向量。</translation>
    </message>
    <message>
        <location filename="../../core/layers/pooling1d.cpp" line="+131"/>
        <source>Average over time</source>
        <translation>时间平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One number per feature: its mean over all steps (padding steps left out). Turns a sequence into a flat vector.</source>
        <translation>每个特征一个数：它在所有时间步上的平均值（不计填充步）。把序列变成一维向量。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>One number per feature: its largest value over all steps (padding steps left out). Turns a sequence into a flat vector.</source>
        <translation>每个特征一个数：它在所有时间步上的最大值（不计填充步）。把序列变成一维向量。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Max over time</source>
        <translation>时间最大池化</translation>
    </message>
    <message>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="+56"/>
        <source>SimpleRNN</source>
        <translation>简单循环网络 RNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads a sequence step by step: h = tanh(W·x + U·h₋₁ + b). Forgets quickly: its gradients vanish over long sequences.</source>
        <translation>逐步读取序列：h = tanh(W·x + U·h₋₁ + b)。遗忘得快：在长序列上它的梯度会消失。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>LSTM</source>
        <translation>LSTM（长短期记忆）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads a sequence step by step with a memory cell and input, forget and output gates: remembers over long sequences.</source>
        <translation>用一个记忆单元和输入门、遗忘门、输出门逐步读取序列：能在长序列上保持记忆。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GRU</source>
        <translation>GRU（门控循环单元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads a sequence step by step with reset and update gates: an LSTM with fewer parameters.</source>
        <translation>用重置门和更新门逐步读取序列：参数更少的 LSTM。</translation>
    </message>
</context>
<context>
    <name>LayerOptions</name>
    <message>
        <location filename="../../core/layers/activations.cpp" line="+125"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leaky slope</source>
        <translation>负半轴斜率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The slope of Leaky ReLU for inputs below zero.</source>
        <translation>Leaky ReLU 在输入小于零时的斜率。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ELU alpha</source>
        <translation>ELU alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far ELU reaches below zero: its limit is −alpha.</source>
        <translation>ELU 在零以下能延伸多远：其下限为 −alpha。</translation>
    </message>
    <message>
        <location filename="../../core/layers/batch_norm.cpp" line="-16"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast the running mean and variance used for predictions follow the batches.</source>
        <translation>预测时所用的滑动均值和方差跟随各批次变化的快慢。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>momentum %1</source>
        <translation>动量 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the variance so that a constant feature does not divide by zero.</source>
        <translation>加到方差上，避免取值恒定的特征导致除以零。</translation>
    </message>
    <message>
        <location filename="../../core/layers/dense.cpp" line="-13"/>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="-46"/>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many neurons this layer has (its output size).</source>
        <translation>该层的神经元个数（即输出大小）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="+2"/>
        <source>%1 units</source>
        <translation>%1 个神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="+1"/>
        <source>1 unit</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <location filename="../../core/layers/weight_options.cpp" line="+13"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the weights are chosen before training starts.</source>
        <translation>训练开始前如何设定权重的初始值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../core/layers/dense.cpp" line="+3"/>
        <source>Add a bias to each neuron</source>
        <translation>为每个神经元加上偏置</translation>
    </message>
    <message>
        <location filename="../../core/layers/conv2d.cpp" line="-42"/>
        <source>Filters</source>
        <translation>卷积核个数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many kernels slide over the image: each gives one feature map.</source>
        <translation>有多少个卷积核在图像上滑动：每个卷积核给出一张特征图。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 filters</source>
        <translation>%1 个卷积核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 filter</source>
        <translation>1 个卷积核</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window each filter looks at, height × width (3 means 3×3).</source>
        <translation>每个卷积核看到的窗口，高 × 宽（3 表示 3×3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../core/layers/pooling.cpp" line="-59"/>
        <source>Strides</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the window moves each step, down × across (2 halves the image).</source>
        <translation>窗口每一步移动的距离，竖直 × 水平（2 会使图像减半）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../core/layers/pooling.cpp" line="+4"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid: only windows that fit (the image shrinks); same: zeros around the edge keep the size (with stride 1).</source>
        <translation>valid：只用完整放得下的窗口（图像变小）；same：在边缘补零以保持大小（步幅为 1 时）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dilation</source>
        <translation>空洞率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaps between the kernel&apos;s taps: 2 spreads a 3×3 kernel over 5×5.</source>
        <translation>卷积核各点之间的间隔：2 会把 3×3 的卷积核铺开到 5×5。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a bias to each filter</source>
        <translation>为每个卷积核加一个偏置</translation>
    </message>
    <message>
        <location filename="../../core/layers/weight_options.cpp" line="+2"/>
        <source>L1 regularisation</source>
        <translation>L1 正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 penalty on the weights: pushes unneeded weights to exactly zero.</source>
        <translation>对权重施加 L1 惩罚：把不需要的权重压到恰好为零。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L2 regularisation</source>
        <translation>L2 正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 penalty on the weights: keeps every weight small.</source>
        <translation>对权重施加 L2 惩罚：让每个权重都保持较小。</translation>
    </message>
    <message>
        <location filename="../../core/layers/reshape.cpp" line="-6"/>
        <source>New shape</source>
        <translation>新形状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new shape of each sample, e.g. 1x28x28 (channels × height × width) or 784; the sizes must multiply to the input&apos;s size.</source>
        <translation>每个样本的新形状，例如 1x28x28（通道 × 高 × 宽）或 784；各维大小的乘积必须等于输入的大小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to %1</source>
        <translation>变为 %1</translation>
    </message>
    <message>
        <location filename="../../core/layers/simple_layers.cpp" line="-164"/>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values per sample: one number for a vector, or sizes joined by x for a grid.</source>
        <translation>每个样本的数值个数：向量写一个数，网格写用 x 连接的各维大小。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shape %1</source>
        <translation>形状 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real numbers (measurements, pixels), or integer ids (a user, an item, a word) for an Embedding to look up.</source>
        <translation>实数（测量值、像素），或供嵌入层查找的整数 ID（一个用户、一个物品、一个词）。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Drop rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fraction of units switched off at each training step.</source>
        <translation>每个训练步中被关闭的神经元比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drop %1 %</source>
        <translation>丢弃 %1%</translation>
    </message>
    <message>
        <location filename="../../core/layers/pooling.cpp" line="-11"/>
        <source>Pool size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window pooled into one value, height × width (2 means 2×2).</source>
        <translation>合并成一个值的窗口，高 × 宽（2 表示 2×2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How far the window moves each step; usually the pool size.</source>
        <translation>窗口每一步移动的距离；通常等于池化窗口大小。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>valid: only windows that fit; same: windows over the edge use the pixels they cover.</source>
        <translation>valid：只用完整放得下的窗口；same：越过边缘的窗口只用它覆盖到的像素。</translation>
    </message>
    <message>
        <location filename="../../core/layers/embedding.cpp" line="-33"/>
        <source>Initial vectors</source>
        <translation>初始向量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uniform ±0.05 as Keras, or normal with σ = 1 as PyTorch.</source>
        <translation>与 Keras 相同的 ±0.05 均匀分布，或与 PyTorch 相同的 σ = 1 正态分布。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many different ids there are: ids run from 0 to this size − 1 (at most 16,777,216).</source>
        <translation>不同 ID 的个数：ID 从 0 到该大小 − 1（最多 16,777,216）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ids</source>
        <translation>%1 个 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many numbers each id&apos;s vector has.</source>
        <translation>每个 ID 的向量含有多少个数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dim %1</source>
        <translation>维度 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Id 0 is padding</source>
        <translation>ID 0 为填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id 0 marks padding: its vector is zero, it learns nothing, and later layers skip it.</source>
        <translation>ID 0 表示填充：它的向量为零，不参与学习，后面的层会跳过它。</translation>
    </message>
    <message>
        <location filename="../../core/layers/recurrent_kinds.cpp" line="-2"/>
        <source>The size of the hidden state carried from step to step.</source>
        <translation>从一步传到下一步的隐藏状态的大小。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return sequences</source>
        <translation>返回整个序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On: the hidden state of every step [time, units] (to stack another recurrent layer or pool over time); off: only the last state [units].</source>
        <translation>开：返回每一步的隐藏状态 [时间步, 单元]（用于再叠一层循环层或在时间上池化）；关：只返回最后的状态 [单元]。</translation>
    </message>
</context>
<context>
    <name>MemorySetting</name>
    <message>
        <location filename="../../ui/memory_setting.cpp" line="+34"/>
        <source>&amp;Memory limit…</source>
        <translation>内存上限(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The most memory a network and its data may take; larger ones are refused before they start.</source>
        <translation>网络及其数据最多可占用的内存；超过的会在开始前被拒绝。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory limit</source>
        <translation>内存上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most memory a network and its data may take, in GB (0: the default, %1):</source>
        <translation>网络及其数据最多可占用的内存，单位 GB（0：默认值，%1）：</translation>
    </message>
</context>
<context>
    <name>MemoryText</name>
    <message>
        <location filename="../../ui/i18n/memory_text.cpp" line="+22"/>
        <source>The network needs about %1 of memory (the largest part for layer &apos;%2&apos;)</source>
        <translation>网络大约需要 %1 内存（其中最大的部分属于层“%2”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading %1 needs about %2 of memory</source>
        <translation>加载 %1 大约需要 %2 内存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, more than the limit of %2. Make it smaller, or raise the limit in Edit &gt; Memory limit.</source>
        <translation>%1，超过了 %2 的上限。请把它改小，或在“编辑 &gt; 内存上限”中提高上限。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The computer ran out of memory. The run was stopped; lower the memory limit in Edit &gt; Memory limit so that networks this large are refused before they start.</source>
        <translation>计算机内存不足，训练已停止。请在“编辑 &gt; 内存上限”中降低内存上限，这样过大的网络会在开始前就被拒绝。</translation>
    </message>
</context>
<context>
    <name>TypedRowText</name>
    <message>
        <location filename="../../ui/i18n/typed_row_text.cpp" line="+20"/>
        <source>The row has %1 values; the data has %2 feature columns.</source>
        <translation>该行有 %1 个值；数据有 %2 个特征列。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is empty: type a value (the training data had no missing values to fill it with).</source>
        <translation>“%1”为空：请输入一个值（训练数据没有缺失值，无从填补）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is a number column; “%2” is not a number.</source>
        <translation>“%1”是数值列；“%2”不是数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1”: %2 is too large (numbers up to 10¹⁸ in size).</source>
        <translation>“%1”：%2 太大（数值的绝对值最多为 10¹⁸）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has no category “%2”; the model knows %3.</source>
        <translation>“%1”没有类别“%2”；模型认识的类别有 %3。</translation>
    </message>
</context>
<context>
    <name>WeightEditCommand</name>
    <message>
        <location filename="../../ui/explain/weight_edit_command.cpp" line="+12"/>
        <source>Set weight w%1%2 to %3</source>
        <translation>将权重 w%1%2 设为 %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+28"/>
        <source>Build neural networks and watch them learn.</source>
        <translation>搭建神经网络，观察它们如何学习。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language: en (English), zh_CN (Simplified Chinese) or system.</source>
        <translation>界面语言：en（英语）、zh_CN（简体中文）或 system（跟随系统）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A project file (.nnp) to open.</source>
        <translation>要打开的项目文件（.nnp）。</translation>
    </message>
</context>
<context>
    <name>nnp</name>
    <message>
        <location filename="../../ui/export/model_export.cpp" line="+56"/>
        <source>Wrote %1 (ONNX opset %2; the model takes raw inputs: the normalisation is inside).</source>
        <translation>已写入 %1（ONNX opset %2；归一化已包含在模型内，模型直接接受原始输入）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote %1 (ONNX opset %2).</source>
        <translation>已写入 %1（ONNX opset %2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrote %1 and its weights %2.</source>
        <translation>已写入 %1 及其权重文件 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrote one CSV file per tensor (and tensors.csv, the index) to the folder %1.</source>
        <translation>已在文件夹 %1 中为每个张量写入一个 CSV 文件（另有索引文件 tensors.csv）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote the weights to %1.</source>
        <translation>已将权重写入 %1。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Wrote %1 samples (%2 features) to %3.</source>
        <translation>已将 %1 个样本（%2 个特征）写入 %3。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This network is not trained yet: press Play or Step first, then export. (Exporting now would only write random starting weights.)</source>
        <translation>这个网络还没有训练：请先按“开始”或“单步”，再导出。（现在导出只会写出随机的初始权重。）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trained weights do not fit the network as it is now (%1); it was probably edited after training. Press Reset and train again, then export.</source>
        <translation>训练得到的权重与当前网络不匹配（%1）；网络可能在训练后被修改过。请按“重置”重新训练，然后再导出。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose where to write the export first.</source>
        <translation>请先选择导出位置。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>nnp::ApplicableDocks</name>
    <message>
        <location filename="../../ui/insights/applicable_docks.cpp" line="+39"/>
        <source>Shown when the network has a Conv2D or pooling layer: it shows the images those layers make.</source>
        <translation>网络含有 Conv2D 或池化层时显示：它展示这些层生成的图像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown when the network has a Conv2D layer: it shows the kernels it learns.</source>
        <translation>网络含有 Conv2D 层时显示：它展示该层学到的卷积核。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown when the network has an Embedding layer: it maps the vectors it learns.</source>
        <translation>网络含有 Embedding 层时显示：它把该层学到的向量画在平面上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown when the network has a SimpleRNN, LSTM or GRU layer: it follows a sequence step by step.</source>
        <translation>网络含有 SimpleRNN、LSTM 或 GRU 层时显示：它逐步跟踪一个序列。</translation>
    </message>
</context>
<context>
    <name>nnp::Autosave</name>
    <message>
        <location filename="../../ui/document/autosave.cpp" line="+111"/>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>nnp::ClassBarsPanel</name>
    <message>
        <location filename="../../ui/insights/feature_maps_view.cpp" line="+239"/>
        <source>Class probabilities</source>
        <translation>各类别概率</translation>
    </message>
</context>
<context>
    <name>nnp::CompareView</name>
    <message>
        <location filename="../../ui/runs/compare_view.cpp" line="+74"/>
        <source>Training loss (solid)</source>
        <translation>训练损失（实线）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss (dashed)</source>
        <translation>测试损失（虚线）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove every kept run</source>
        <translation>移除所有保留的训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the comparison as a PNG or SVG figure</source>
        <translation>把对比保存为 PNG 或 SVG 图像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Train a run and press Keep run; change one thing, train again and keep it too. The runs are drawn here over each other, each labelled with what differs from the first.</source>
        <translation>训练一次后按“保留训练”；改动一处，再训练一次并同样保留。各次训练的曲线会叠画在这里，每条都标出它与第一次的不同之处。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss (solid: training, dashed: test)</source>
        <translation>损失（实线：训练，虚线：测试）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Remove this run</source>
        <translation>移除这次训练</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No runs to compare yet: keep a run first.</source>
        <translation>还没有可对比的训练：请先保留一次训练。</translation>
    </message>
</context>
<context>
    <name>nnp::ConfusionGrid</name>
    <message>
        <location filename="../../ui/insights/confusion_view.cpp" line="+132"/>
        <source>Train or step the network to see the matrix.</source>
        <translation>训练网络或单步执行后即可查看矩阵。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
</context>
<context>
    <name>nnp::ConfusionView</name>
    <message>
        <location line="+23"/>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training split</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>True</source>
        <translation>真实</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+26"/>
        <source>Click a cell to list its samples.</source>
        <translation>点击单元格可列出其中的样本。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accuracy %1 % on %2 samples</source>
        <translation>%2 个样本上的准确率为 %1%</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n sample(s): true %1, predicted %2.</source>
        <translation>
            <numerusform>%n 个样本：真实为 %1，预测为 %2。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 are listed.</source>
        <translation>仅列出前 %1 个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inputs as the network sees them (normalised).</source>
        <translation>网络看到的输入（已归一化）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(correct: input not kept)</source>
        <translation>（正确：未保留输入）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(not kept)</source>
        <translation>（未保留）</translation>
    </message>
</context>
<context>
    <name>nnp::CsvColumnsTable</name>
    <message>
        <location filename="../../ui/panels/csv_columns_table.cpp" line="+30"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used as</source>
        <translation>用作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words (T)</source>
        <translation>词数（T）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vocabulary</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text: the number of words per row (longer texts keep their last words, shorter ones are padded)</source>
        <translation>文本：每行的词数（较长的文本保留最后的词，较短的文本补齐）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text: the most frequent words of the training split that get an id of their own</source>
        <translation>文本：训练集中出现最多、各自获得一个编号的词的数量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What each input column becomes: numbers or categories (automatic), categories even when its cells are numbers (categorical), an id for an Embedding (a user, an item), words for an Embedding (text), or left out</source>
        <translation>每个输入列变成什么：数字或类别（自动）、即使单元格是数字也作为类别（类别）、供 Embedding 查找的 id（用户、物品）、供 Embedding 使用的词（文本），或者不用</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id (Embedding)</source>
        <translation>编号（嵌入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text (words)</source>
        <translation>文本（词）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 (%2 in the project file)</source>
        <translation>%1（项目文件中为 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Categorical (one-hot)</source>
        <translation>类别（独热编码）</translation>
    </message>
</context>
<context>
    <name>nnp::CsvOptionsBox</name>
    <message>
        <location filename="../../ui/panels/csv_options_box.cpp" line="+48"/>
        <source>CSV options</source>
        <translation>CSV 选项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The first row names the columns</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: the first row is data, and the columns are called column 1, column 2 … (c1, c2 … in the project file)</source>
        <translation>关闭时：第一行是数据，各列称为第 1 列、第 2 列……（项目文件中为 c1、c2……）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse (an error names the cell)</source>
        <translation>拒绝（报错并指出单元格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out rows with one</source>
        <translation>去掉含缺失值的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in (mean, or the most frequent category)</source>
        <translation>填补（均值，或最常见的类别）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: the test rows come from the file above</source>
        <translation>无：测试行来自上面的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the test rows from the file above again</source>
        <translation>重新从上面的文件中取测试行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test file</source>
        <translation>测试文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A column whose cells (train, validation, test) choose each row&apos;s split; it is not an input</source>
        <translation>由该列的单元格（train、validation、test）决定每一行属于哪个划分；它不是输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split column</source>
        <translation>划分列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pixels as image</source>
        <translation>像素作为图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input columns are the pixels of an image, channels × height × width, row by row: the Input takes that shape, so a Conv2D can follow. Scale the pixels with the normalisation below (0–255 to 0–1, or z-score)</source>
        <translation>输入列是一幅图像的像素，按 通道 × 高 × 宽 逐行排列：Input 取这个形状，后面就可以接 Conv2D。请用下面的归一化缩放像素（0–255 变为 0–1，或 z 分数）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channels (1: grey, 3: colour)</source>
        <translation>通道数（1：灰度，3：彩色）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Height in pixels</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width in pixels</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+43"/>
        <source>image shape</source>
        <translation>图像形状</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>fill value to “%1”</source>
        <translation>填补值改为“%1”</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Fill in the most frequent value</source>
        <translation>填补最常见的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in a value…</source>
        <translation>填补一个值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty cells, NA, NaN, null, ?: refused, rows left out, or filled with the column&apos;s mean (numbers) or most frequent value (categories), with every column&apos;s most frequent value, or with a value you give; a missing target is always an error</source>
        <translation>空单元格、NA、NaN、null、?：拒绝、去掉所在行，或用该列的均值（数字）或最常见的值（类别）填补，或用每列最常见的值填补，或用你给出的值填补；缺失的目标值总是错误</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The value: a number, or a category</source>
        <translation>填补的值：一个数字，或一个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What every missing cell becomes: a number for a column of numbers; in a column of categories it is a category of its own</source>
        <translation>每个缺失单元格变成的值：数字列须是数字；在类别列中它自成一个类别</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>C × H × W</source>
        <translation>通道 × 高 × 宽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>split column</source>
        <translation>划分列</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>None (split by the shares below)</source>
        <translation>无（按下面的比例划分）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>test file</source>
        <translation>测试文件</translation>
    </message>
</context>
<context>
    <name>nnp::DataPanel</name>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="+55"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two blobs</source>
        <translation>两团点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plane (regression)</source>
        <translation>平面(回归)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bumps (regression)</source>
        <translation>起伏(回归)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three spirals</source>
        <translation>三螺旋</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Built-in generator</source>
        <translation>内置生成器</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+341"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="-340"/>
        <source>IDX images (MNIST format)</source>
        <translation>IDX 图像（MNIST 格式）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z-score (mean 0, deviation 1)</source>
        <translation>Z 分数（均值 0，标准差 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min–max (0 to 1)</source>
        <translation>最小–最大（0 到 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels (0–255 to 0–1)</source>
        <translation>像素（0–255 缩放到 0–1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fitted on the training split only, and stored with the model (and in every export, which therefore takes the raw values)</source>
        <translation>只在训练集上拟合，并随模型保存（也写入每种导出，因此导出的模型接收原始数值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normalise inputs</source>
        <translation>输入归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale the target</source>
        <translation>缩放目标值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regression: train on the target&apos;s z-score (fitted on the training split). Predictions, the probe, nnp predict and every export stay in the target&apos;s own units</source>
        <translation>回归：在目标值的 Z 分数上训练（在训练集上拟合）。预测、探针、nnp predict 和所有导出仍以目标值自身的单位给出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>target scaling</source>
        <translation>目标值缩放</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+77"/>
        <location line="+125"/>
        <location line="+3"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>train/test ratio</source>
        <translation>训练/测试比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of the data held out to measure the validation loss each epoch</source>
        <translation>留出的一部分数据，用于在每轮计算验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another number draws other points from the same distribution</source>
        <translation>换一个数字会从同一分布中抽取另一批点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inputs the network sees:</source>
        <translation>网络看到的输入：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+47"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+48"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open CSV data</source>
        <translation>打开 CSV 数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The column the network learns to predict; every other column is an input</source>
        <translation>网络要学习预测的列；其余各列都是输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic: classification when the target is text or a few whole numbers</source>
        <translation>自动：目标为文本或少数几个整数时视为分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>use of column %1</source>
        <translation>列 %1 的用途</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test labels</source>
        <translation>测试标签</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Change %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Last column</source>
        <translation>最后一列</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Open IDX file</source>
        <translation>打开 IDX 文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation>IDX 文件 (*-ubyte *-ubyte.gz *.idx *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IDX files</source>
        <translation>IDX 文件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/split_counts.cpp" line="+50"/>
        <source>A large file: the rows of each split are counted when training starts.</source>
        <translation>文件较大：各部分的行数在开始训练时统计。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Counted when training starts (the images are read then).</source>
        <translation>开始训练时统计（届时读取图像）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test split is the separate test files; counted when training starts.</source>
        <translation>测试集是单独的测试文件；开始训练时统计。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 training · %2 validation · %3 test rows</source>
        <translation>训练 %1 行 · 验证 %2 行 · 测试 %3 行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="-251"/>
        <source>Open the CSV test file</source>
        <translation>打开 CSV 测试文件</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location filename="../../ui/panels/split_counts.cpp" line="-58"/>
        <source>No row has a missing value.</source>
        <translation>没有含缺失值的行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows left out for a missing value: %1.</source>
        <translation>因缺失值去掉的行：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No cell is missing.</source>
        <translation>没有缺失的单元格。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing cells filled with their column&apos;s most frequent value: %1.</source>
        <translation>用所在列最常见的值填补的缺失单元格：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing cells filled with “%1”: %2.</source>
        <translation>用“%1”填补的缺失单元格：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing cells filled: %1.</source>
        <translation>已填补的缺失单元格：%1。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>(the test rows from %1)</source>
        <translation>（测试行来自 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(as the column %1 says)</source>
        <translation>（按列 %1 划分）</translation>
    </message>
</context>
<context>
    <name>nnp::DataPanelPreview</name>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="+104"/>
        <source>No data chosen yet.</source>
        <translation>尚未选择数据。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 points, %2 classes</source>
        <translation>%1 个点，%2 个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 points, regression</source>
        <translation>%1 个点，回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 training, %2 validation, %3 test</source>
        <translation>训练 %1，验证 %2，测试 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n network input(s)</source>
        <translation>
            <numerusform>%n 个网络输入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a CSV file: one header row, one sample per row.</source>
        <translation>请选择 CSV 文件：第一行为表头，之后每行一个样本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is empty.</source>
        <translation>“%1”是空文件。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (target)</source>
        <translation>%1（目标）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 features, %2 classes (target &quot;%3&quot;)</source>
        <translation>%1 个特征，%2 个类别（目标“%3”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 features, regression (target &quot;%2&quot;)</source>
        <translation>%1 个特征，回归（目标“%2”）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>showing the first %1 rows</source>
        <translation>显示前 %1 行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text columns: the vocabulary is built from the training split when training starts.</source>
        <translation>文本列：词表在开始训练时由训练集构建。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text &quot;%1&quot;: %2 known words (ids 2 … %3; 0 pads, 1 is an unknown word), T = %4 words · lengths 0–%4: %5</source>
        <translation>文本“%1”：词表 %2 个词（编号 2 … %3；0 为填充，1 为未知词），T = %4 个词 · 长度 0–%4：%5</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose an IDX image file and its label file (MNIST&apos;s format, plain or .gz).</source>
        <translation>请选择 IDX 图像文件及其标签文件（MNIST 格式，未压缩或 .gz）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 …</source>
        <translation>正在读取 %1 …</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The IDX files could not be read.</source>
        <translation>无法读取 IDX 文件。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 images of %2×%3 pixels, %4 classes</source>
        <translation>%1 张 %2×%3 像素的图像，%4 个类别</translation>
    </message>
    <message>
        <location line="-136"/>
        <location line="+16"/>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>images of %1 × %2 × %3 (channels × height × width)</source>
        <translation>%1 × %2 × %3 的图像（通道 × 高 × 宽）</translation>
    </message>
</context>
<context>
    <name>nnp::EmbeddingMapCanvas</name>
    <message numerus="yes">
        <location filename="../../ui/insights/embedding_map_view.cpp" line="+155"/>
        <source>%1 (id %2) · %n time(s) in the training data</source>
        <translation>
            <numerusform>%1（ID %2）· 在训练数据中出现 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hidden taste (%1, %2)</source>
        <translation>隐藏的真实喜好 (%1, %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PC1 %1, PC2 %2</source>
        <translation>PC1 %1，PC2 %2</translation>
    </message>
</context>
<context>
    <name>nnp::EmbeddingMapView</name>
    <message>
        <location line="+25"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Learned vectors (PCA)</source>
        <translation>学到的向量（PCA）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hidden true tastes (the generator&apos;s)</source>
        <translation>隐藏的真实喜好（生成器的）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Press Reset or Play to build the network; the vectors its Embedding layer learns appear here as points on a map.</source>
        <translation>按“重置”或“播放”构建网络；嵌入层学到的向量会作为地图上的点显示在这里。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%1: the %n most frequent ids of %2, %3-dimensional vectors. PC1 explains %4 % of their variance, PC2 %5 %.</source>
        <translation>
            <numerusform>%1：%2 个 ID 中最常见的 %n 个，%3 维向量。PC1 解释了其方差的 %4 %，PC2 解释了 %5 %。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnp::ExplainDocks</name>
    <message>
        <location filename="../../ui/explain/explain_docks.cpp" line="+24"/>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Neurons (the network neuron by neuron)</source>
        <translation>神经元（逐个神经元展示网络）</translation>
    </message>
</context>
<context>
    <name>nnp::ExplainPanel</name>
    <message>
        <location filename="../../ui/explain/explain_panel.cpp" line="+26"/>
        <source>Explain step</source>
        <translation>讲解一步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sample #</source>
        <translation>样本 #</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training sample (row) the step is explained on.</source>
        <translation>用来讲解这一步的训练样本（行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> sample(s)</source>
        <translation> 个样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1: one sample. More: a mini-batch of the following samples; the gradients are their mean, and each sample&apos;s contribution is listed.</source>
        <translation>1：单个样本。大于 1：由其后的样本组成小批量；梯度取它们的平均值，并列出每个样本的贡献。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs one training step on the chosen sample(s), recording every number.</source>
        <translation>在选定的样本上执行一步训练，并记录每一个数值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a random training sample.</source>
        <translation>随机选择一个训练样本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave the step: the views show the live network again.</source>
        <translation>退出讲解：各视图重新显示正在训练的网络。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>every %n second(s)</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How fast Play moves to the next phase.</source>
        <translation>播放时进入下一阶段的速度。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next in batch</source>
        <translation>批次中下一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explain a step on the next sample(s) of the mini-batch the run trains on next.</source>
        <translation>用训练接下来要用的小批次中的下一个（或几个）样本讲解一步。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Phase %1 of %2</source>
        <translation>第 %1 阶段，共 %2 阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a sample and press Explain step.</source>
        <translation>选择一个样本，然后按“讲解一步”。</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Watch it think</source>
        <translation>看它如何思考</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a training sample and press &lt;b&gt;Explain step&lt;/b&gt;: the network trains one step on it, and you walk through the forward pass, the loss, the backward pass and the update with every number on screen.</source>
        <translation>选择一个训练样本并按&lt;b&gt;讲解一步&lt;/b&gt;：网络在该样本上训练一步，你可以逐一查看前向传播、损失、反向传播和参数更新，每个数值都显示在屏幕上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a neuron or a weight in the Neurons view for its formula. Clicking a weight also lets you type a new value (undo with Ctrl+Z).</source>
        <translation>在“神经元”视图中点击神经元或权重可查看其公式。点击权重还可以输入新值（按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>The time step (word) of the sentence the formulas show.</source>
        <translation>公式所显示的句子时间步（词）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unit </source>
        <translation>单元 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hidden unit whose gates the formulas show.</source>
        <translation>公式显示其各个门的隐藏单元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>W (input weights)</source>
        <translation>W（输入权重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U (recurrent weights)</source>
        <translation>U（循环权重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input bias</source>
        <translation>输入偏置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recurrent bias</source>
        <translation>循环偏置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parameter whose gradient is summed over the steps.</source>
        <translation>要对各步求和其梯度的参数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gate the weight belongs to.</source>
        <translation>该权重所属的门。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from </source>
        <translation>来自 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input feature (W) or the previous state&apos;s unit (U) the weight reads.</source>
        <translation>该权重读取的输入特征（W）或上一步状态的单元（U）。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步（共 %2 步）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>gate %1</source>
        <translation>%1 门</translation>
    </message>
</context>
<context>
    <name>nnp::ExportDialog</name>
    <message>
        <location filename="../../ui/export/export_dialog.cpp" line="+31"/>
        <source>An ONNX model (opset 13) of the trained network, for onnxruntime, Netron, PyTorch, TensorFlow and most inference tools.</source>
        <translation>训练好的网络的 ONNX 模型（opset 13），可用于 onnxruntime、Netron、PyTorch、TensorFlow 及大多数推理工具。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A readable Python script with a PyTorch nn.Module that mirrors the network and loads the trained weights, ready to run or to train further.</source>
        <translation>一个易读的 Python 脚本，其中的 PyTorch nn.Module 与该网络结构相同并加载训练好的权重，可直接运行或继续训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A readable Python script with a Keras functional model that mirrors the network and loads the trained weights.</source>
        <translation>一个易读的 Python 脚本，其中的 Keras 函数式模型与该网络结构相同并加载训练好的权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trained weights as plain numbers: one JSON file, or a folder with one CSV file per tensor.</source>
        <translation>以纯数字形式保存训练好的权重：一个 JSON 文件，或每个张量一个 CSV 文件的文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The project&apos;s dataset (as generated or loaded, before normalisation) as a CSV file: the features, then the label or target.</source>
        <translation>以 CSV 文件保存项目的数据集（生成或载入时的原始数据，未归一化）：先是各特征，然后是标签或目标值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+137"/>
        <source>Export — %1</source>
        <translation>导出 — %1</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model name:</source>
        <translation>模型名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include the input normalisation (offset and scale per feature)</source>
        <translation>包含输入归一化（每个特征的偏移和缩放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the input normalisation (the model takes raw inputs)</source>
        <translation>包含输入归一化（模型直接接受原始输入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without it, the exported model expects inputs already normalised the way the playground normalised them for training.</source>
        <translation>不包含时，导出的模型要求输入已按训练时 Playground 的方式归一化。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One JSON file (every tensor with its node, name and shape)</source>
        <translation>一个 JSON 文件（每个张量及其节点、名称和形状）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder with one CSV file per tensor (and tensors.csv, the index)</source>
        <translation>一个文件夹，每个张量一个 CSV 文件（另有索引文件 tensors.csv）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a &quot;split&quot; column (train / validation / test)</source>
        <translation>添加“split”列（train / validation / test，即训练/验证/测试）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Folder for the CSV files</source>
        <translation>存放 CSV 文件的文件夹</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The weights go beside the script, in %1. Run it with: python3 %2 inputs.csv</source>
        <translation>权重保存在脚本旁边的 %1 中。运行方式：python3 %2 inputs.csv</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One input per Input layer, float [N, features]; the output is the last layer&apos;s.</source>
        <translation>每个输入层对应一个输入，float [N, 特征数]；输出为最后一层的输出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training is running: Export pauses it and writes its latest weights.</source>
        <translation>训练正在进行：导出会先暂停训练，再写出最新的权重。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose where to write the export first.</source>
        <translation>请先选择导出位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That is the project file itself: choose another name, so the project is not overwritten.</source>
        <translation>这是项目文件本身：请换一个文件名，以免覆盖项目。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace the file?</source>
        <translation>替换该文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pausing the training to take its latest weights…</source>
        <translation>正在暂停训练以获取最新权重…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>nnp::FeatureInputPanel</name>
    <message>
        <location filename="../../ui/insights/feature_maps_view.cpp" line="-139"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 × %3</source>
        <translation>%1 · %2 × %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2 values (not an image: give the Input a shape like [1, 8, 8] to see it)</source>
        <translation>%1 · %2 个值（不是图像：把输入层的形状设为 [1, 8, 8] 这样的图像形状即可看到）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Class: %1</source>
        <translation>类别：%1</translation>
    </message>
</context>
<context>
    <name>nnp::FeatureMapsView</name>
    <message>
        <location line="-82"/>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training split</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+48"/>
        <source>Press Reset or Play to build the network; its feature maps appear here.</source>
        <translation>按“重置”或“开始”构建网络后，这里会显示它的特征图。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No feature maps.</source>
        <translation>没有特征图。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 samples</source>
        <translation>共 %1 个样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 samples · class %2, predicted %3</source>
        <translation>共 %1 个样本 · 类别 %2，预测为 %3</translation>
    </message>
    <message>
        <location line="-345"/>
        <source>%1 · %2 × %3</source>
        <translation>%1 · %2 × %3</translation>
    </message>
    <message>
        <location line="+495"/>
        <source>%1 (%2)
channel %3 · (y %4, x %5)
value %6</source>
        <translation>%1（%2）
通道 %3 · (y %4, x %5)
值 %6</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show every layer side by side, or one layer larger</source>
        <translation>并排显示所有层，或放大显示一层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit the maps to the panel, or draw each map at a fixed size</source>
        <translation>让特征图适应面板大小，或以固定尺寸绘制每张图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+169"/>
        <source>Export figure…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Save the input, every feature map and the class probabilities as a PNG or SVG figure</source>
        <translation>把输入、每张特征图和各类别概率保存为 PNG 或 SVG 图像</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1 · channel %2 · (y %3, x %4): %5</source>
        <translation>%1 · 通道 %2 · (y %3, x %4)：%5</translation>
    </message>
</context>
<context>
    <name>nnp::FigureExportDialog</name>
    <message>
        <location filename="../../ui/export/figure_export.cpp" line="+43"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a size between 1 and %1 pixels per side.</source>
        <translation>请选择每边 1 到 %1 像素之间的尺寸。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not render a %1 × %2 image (not enough memory?).</source>
        <translation>无法渲染 %1 × %2 的图像（内存不足？）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exported from NN Playground</source>
        <translation>由 NN Playground 导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not start the SVG drawing.</source>
        <translation>无法开始绘制 SVG。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keep the aspect ratio</source>
        <translation>保持宽高比</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+185"/>
        <source>Export — Figure</source>
        <translation>导出 — 图像</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (scalable)</source>
        <translation>SVG 矢量图（可缩放）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Figure:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Size on screen</source>
        <translation>屏幕尺寸</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>× 2</source>
        <translation>× 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twice the size, for sharp slides on a high-resolution projector</source>
        <translation>两倍尺寸，在高分辨率投影仪上放映幻灯片更清晰</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+109"/>
        <source>There is no figure to export.</source>
        <translation>没有可导出的图像。</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose where to write the figure first.</source>
        <translation>请先选择图像的保存位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the file?</source>
        <translation>替换该文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote %1 (%2 × %3).</source>
        <translation>已写入 %1（%2 × %3）。</translation>
    </message>
</context>
<context>
    <name>nnp::GradientPlot</name>
    <message>
        <location filename="../../ui/insights/gradient_plot.cpp" line="+20"/>
        <source>Size of each layer&apos;s gradient ‖∂L/∂θ‖ on a fixed batch of training samples. Curves that fall by orders of magnitude towards the input layers show vanishing gradients; curves that shoot up show exploding ones.</source>
        <translation>在一批固定的训练样本上，各层梯度的大小 ‖∂L/∂θ‖。越靠近输入层曲线下降若干个数量级，说明梯度消失；曲线急剧上升则说明梯度爆炸。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norm (log)</source>
        <translation>梯度范数（对数）</translation>
    </message>
</context>
<context>
    <name>nnp::GraphDocument</name>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="+44"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>That layer no longer exists.</source>
        <translation>该层已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layer cannot feed itself.</source>
        <translation>层不能连接到自身。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is where data enters: nothing can be wired into it.</source>
        <translation>%1 是数据的入口：不能有连线接入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This wire would make a loop (%1 already leads to %2) — a network must flow one way.</source>
        <translation>这条连线会形成环路（%1 已经通向 %2）——网络中的数据只能单向流动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 already feeds %2.</source>
        <translation>%1 已经连接到 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes one input and already has one — remove that wire first, or merge the two with Concatenate or Add.</source>
        <translation>%1 只接受一个输入，且已有一个——请先删除那条连线，或用“拼接”或“相加”层合并两者。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Input slot %1 of %2 is already taken.</source>
        <translation>%2 的输入端口 %1 已被占用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid input slot.</source>
        <translation>无效的输入端口。</translation>
    </message>
</context>
<context>
    <name>nnp::GraphScene</name>
    <message>
        <location filename="../../ui/editor/edge_item.cpp" line="+18"/>
        <source>A wire: select it and press Delete to remove it</source>
        <translation>连线：选中后按 Delete 键删除</translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="+97"/>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Release to connect.</source>
        <translation>松开鼠标即可连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop the wire on the input of another layer.</source>
        <translation>请把连线拖放到另一层的输入端。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the wire on the output of another layer.</source>
        <translation>请把连线拖放到另一层的输出端。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connected %1 → %2.</source>
        <translation>已连接 %1 → %2。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Added %1 — drag from its right dot to wire it up.</source>
        <translation>已添加 %1——从它右侧的圆点拖出连线。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete wire</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="+50"/>
        <source>out %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>out ?</source>
        <translation>输出 ?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>1 param</source>
        <translation>1 个参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 params</source>
        <translation>%L1 个参数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1k params</source>
        <translation>%1k 个参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1M params</source>
        <translation>%1M 个参数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/port_item.cpp" line="+18"/>
        <source>Output: drag from here to an input to connect</source>
        <translation>输出端：从这里拖到某个输入端即可连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input: drag a wire here from another layer&apos;s output</source>
        <translation>输入端：从另一层的输出端拖一条连线到这里</translation>
    </message>
    <message>
        <location filename="../../ui/editor/chain_buttons.cpp" line="+30"/>
        <source>One neuron more in this layer</source>
        <translation>此层多一个神经元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One neuron less in this layer</source>
        <translation>此层少一个神经元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A hidden layer more, as wide as the last one, before the output</source>
        <translation>在输出层前多加一个隐藏层，宽度与最后一个隐藏层相同</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last hidden layer out</source>
        <translation>去掉最后一个隐藏层</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hidden layers: %1</source>
        <translation>隐藏层：%1</translation>
    </message>
</context>
<context>
    <name>nnp::InsightsDocks</name>
    <message>
        <location filename="../../ui/insights/insights_docks.cpp" line="+98"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>各层统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Probe</source>
        <translation>探针</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embedding map</source>
        <translation>嵌入地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unrolled sequence</source>
        <translation>展开的序列</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Gradient norms per layer</source>
        <translation>各层梯度范数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer histogram</source>
        <translation>层直方图</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Probe: prediction and activations</source>
        <translation>探针：预测与激活值</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Feature maps: input, every channel, probabilities</source>
        <translation>特征图：输入、每个通道、概率</translation>
    </message>
</context>
<context>
    <name>nnp::InsightsEngine</name>
    <message>
        <location filename="../../ui/training/insights_engine.cpp" line="+365"/>
        <source>The confusion matrix is for classification; this network does regression.</source>
        <translation>混淆矩阵用于分类任务；这个网络做的是回归。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This project has no test split (set a test fraction in Data).</source>
        <translation>该项目没有测试集（请在“数据”面板中设置测试集比例）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no training data.</source>
        <translation>没有训练数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+137"/>
        <source>The data does not fit the network&apos;s input.</source>
        <translation>数据与网络的输入不匹配。</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>The probe needs two-dimensional data or images; this input has %1 values.</source>
        <translation>探针需要二维数据或图像；当前输入有 %1 个值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The input does not fit the network (%1 values, the network takes %2).</source>
        <translation>输入与网络不匹配（%1 个值，网络需要 %2 个）。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Feature maps show what each convolution and pooling layer sees in one sample: one small image per channel. This network has none. Give the Input an image shape (for example [1, 8, 8]) and add a Conv2D layer, then a MaxPool2D layer, to see them here.</source>
        <translation>特征图显示每个卷积层和池化层在一个样本上看到的内容：每个通道一张小图。这个网络没有卷积层或池化层。请给输入层设置图像形状（例如 [1, 8, 8]），再添加一个 Conv2D 层和一个 MaxPool2D 层，即可在这里看到特征图。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no data to show feature maps for.</source>
        <translation>没有可以显示特征图的数据。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The kernels of %1 are not built yet.</source>
        <translation>%1 的卷积核尚未构建。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kernels are the weights a convolution slides over its input. This network has no Conv2D layer: give the Input an image shape (for example [1, 8, 8]) and add a Conv2D layer to see its filters here.</source>
        <translation>卷积核是卷积层在输入上滑动的权重。这个网络没有 Conv2D 层：请给输入层设置图像形状（例如 [1, 8, 8]）并添加一个 Conv2D 层，即可在这里看到它的卷积核。</translation>
    </message>
    <message>
        <location filename="../../ui/training/sequence_insights.cpp" line="+65"/>
        <source>The embedding map shows the vectors an Embedding layer learns, one point per id or word, projected to two dimensions. This network has no Embedding layer.</source>
        <translation>嵌入地图显示嵌入层学到的向量：每个 ID 或词一个点，投影到二维。这个网络没有嵌入层。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fewer than two ids occur in the training data: nothing to project.</source>
        <translation>训练数据中出现的 ID 少于两个：没有可投影的内容。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The unrolled view follows one sentence word by word through a SimpleRNN, LSTM or GRU layer. This network has none.</source>
        <translation>展开视图跟随一个句子逐词经过 SimpleRNN、LSTM 或 GRU 层。这个网络没有这样的层。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no data that fits the network.</source>
        <translation>没有与网络相符的数据。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This data has no text column to read a typed sentence with.</source>
        <translation>这份数据没有文本列，无法读取输入的句子。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n word(s) not in the vocabulary, read as unknown.</source>
        <translation>
            <numerusform>%n 个词不在词表中，按未知词读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnp::InspectorHyperparametersForm</name>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="+41"/>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a layer on the canvas to edit it; with nothing selected these settings of the run are shown.</source>
        <translation>在画布上选中一个层即可编辑它；未选中任何层时显示本次训练的设置。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How big a step each update takes. Too large diverges, too small crawls.</source>
        <translation>每次更新迈出的步长。太大会发散，太小则进展缓慢。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta 1</source>
        <translation>Beta 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>beta 1</source>
        <translation>beta 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beta 2</source>
        <translation>Beta 2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>beta 2</source>
        <translation>beta 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rho</source>
        <translation>Rho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rho</source>
        <translation>rho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>epsilon</source>
        <translation>epsilon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Schedule</source>
        <translation>调度方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every (epochs)</source>
        <translation>间隔（轮）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step epochs</source>
        <translation>衰减间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor (gamma)</source>
        <translation>衰减因子（gamma）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gamma</source>
        <translation>gamma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>final rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Huber delta</source>
        <translation>Huber delta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Samples averaged for each update.</source>
        <translation>每次更新时取平均的样本数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passes over the training data before the run stops.</source>
        <translation>训练停止前遍历训练数据的次数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop at loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop as soon as an epoch&apos;s training loss is this low (0: never).</source>
        <translation>某一轮的训练损失降到该值时立即停止（0：从不停止）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The same seed gives the same starting weights and the same run.</source>
        <translation>相同的种子会得到相同的初始权重和相同的训练过程。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shuffle the samples every epoch</source>
        <translation>每轮打乱样本顺序</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shuffle</source>
        <translation>打乱顺序</translation>
    </message>
</context>
<context>
    <name>nnp::InspectorLayerForm</name>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="+63"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>e.g. 2 or 28x28x1</source>
        <translation>例如 2 或 28x28x1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the shape as 1 to %1 positive sizes joined by x, for example 2 or 28x28x1.</source>
        <translation>请把形状写成 1 到 %1 个用 x 连接的正整数，例如 2 或 28x28x1。</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Output shape: %1</source>
        <translation>输出形状：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output shape: unknown until the layer is wired up</source>
        <translation>输出形状：连线之前未知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trainable parameters: %L1</source>
        <translation>可训练参数：%L1</translation>
    </message>
</context>
<context>
    <name>nnp::InspectorWidget</name>
    <message>
        <location filename="../../ui/panels/inspector_widget.cpp" line="+55"/>
        <source>%1 layers selected. Move them together, copy them (Ctrl+C) or delete them (Del); select a single layer to edit its settings.</source>
        <translation>已选中 %1 个层。可以一起移动、复制（Ctrl+C）或删除（Del）；选中单个层才能编辑其设置。</translation>
    </message>
</context>
<context>
    <name>nnp::KernelsView</name>
    <message>
        <location filename="../../ui/insights/kernels_view.cpp" line="+39"/>
        <source>Press Reset or Play to build the network; its first convolution&apos;s kernels appear here.</source>
        <translation>按“重置”或“开始”构建网络后，这里会显示第一个卷积层的卷积核。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No kernels.</source>
        <translation>没有卷积核。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2 filters of %3 × %4×%5</source>
        <translation>%1 · %2 个卷积核，每个 %3 × %4×%5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>filter %1</source>
        <translation>卷积核 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ch %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 · filter %2, input channel %3 · (%4, %5)
weight %6</source>
        <translation>%1 · 卷积核 %2，输入通道 %3 · (%4, %5)
权重 %6</translation>
    </message>
</context>
<context>
    <name>nnp::Language</name>
    <message>
        <location filename="../../ui/i18n/language.cpp" line="+90"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies the next time NN Playground starts.</source>
        <translation>新语言将在下次启动 NN Playground 时生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>nnp::LayerStatsView</name>
    <message>
        <location filename="../../ui/insights/layer_stats_view.cpp" line="+21"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dead ReLUs</source>
        <translation>死亡 ReLU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>‖gradient‖</source>
        <translation>‖梯度‖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>‖weights‖</source>
        <translation>‖权重‖</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Train or step the network to see its layers.</source>
        <translation>训练网络或单步执行后即可查看各层。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Probe batch: the first %1 training samples; loss %2.</source>
        <translation>探测批次：前 %1 个训练样本；损失 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dead ReLUs (output 0 for every probe sample): %1 of %2 units.</source>
        <translation>死亡 ReLU（对所有探测样本输出都为 0）：%2 个神经元中有 %1 个。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activation value</source>
        <translation>激活值</translation>
    </message>
</context>
<context>
    <name>nnp::LessonDocks</name>
    <message>
        <location filename="../../ui/lesson/lesson_docks.cpp" line="+76"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No lessons found</source>
        <translation>没有找到课程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New Lesson from This Project</source>
        <translation>用当前项目新建课程(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Step from the Current State</source>
        <translation>用当前状态添加步骤(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit Steps…</source>
        <translation>编辑步骤(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove Lesson</source>
        <translation>移除课程(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Lesson for &amp;Students…</source>
        <translation>为学生保存课程(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the project and its data files into one folder that opens on any computer</source>
        <translation>把项目和它的数据文件写入一个文件夹，在任何电脑上都能打开</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New lesson</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add lesson step</source>
        <translation>添加课程步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove lesson</source>
        <translation>移除课程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save lesson for students into a folder</source>
        <translation>把课程为学生保存到文件夹</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Saved the lesson and its data in %1.</source>
        <translation>已把课程及其数据保存到 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save the lesson for students</source>
        <translation>无法为学生保存课程</translation>
    </message>
</context>
<context>
    <name>nnp::LessonEditor</name>
    <message>
        <location filename="../../ui/lesson/lesson_editor.cpp" line="+44"/>
        <source>None (a step to read)</source>
        <translation>无（阅读步骤）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy at least</source>
        <translation>测试准确率至少达到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training accuracy at least</source>
        <translation>训练准确率至少达到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training loss at most</source>
        <translation>训练损失至多为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test loss at most</source>
        <translation>测试损失至多为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The training diverges</source>
        <translation>训练发散</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The training stalls</source>
        <translation>训练停滞</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained for at least N epochs</source>
        <translation>至少训练 N 个轮次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A control was changed</source>
        <translation>修改了某个控件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain: forward pass to the output</source>
        <translation>讲解：前向传播到输出层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain: backward pass to the first layer</source>
        <translation>讲解：反向传播到第一层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain: the Update phase</source>
        <translation>讲解：更新阶段</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent:</source>
        <translation>百分比：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Control:</source>
        <translation>控件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete Step</source>
        <translation>删除步骤(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lesson steps</source>
        <translation>课程步骤</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Title (English):</source>
        <translation>标题（英文）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title (Chinese):</source>
        <translation>标题（中文）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text (English):</source>
        <translation>正文（英文）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text (Chinese):</source>
        <translation>正文（中文）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Panels shown</source>
        <translation>显示的面板</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Locked controls</source>
        <translation>锁定的控件</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An accuracy as a fraction (0.9 is 90 %), or a loss</source>
        <translation>准确率用小数表示（0.9 即 90 %），或者一个损失值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For a threshold: not before this many epochs (0: any time)</source>
        <translation>对于阈值：不早于这么多轮次（0：任何时候）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Edit lesson step</source>
        <translation>编辑课程步骤</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move lesson step</source>
        <translation>移动课程步骤</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete lesson step</source>
        <translation>删除课程步骤</translation>
    </message>
</context>
<context>
    <name>nnp::LessonPanel</name>
    <message>
        <location filename="../../ui/lesson/lesson_panel.cpp" line="+37"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+130"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>en</source>
        <extracomment>The language lesson texts are shown in: &quot;zh&quot; in the Chinese translation (lessons carry English and Chinese texts).</extracomment>
        <translation>zh</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>✓ Lesson complete. Open another from File ▸ Lessons.</source>
        <translation>✓ 课程完成。可从“文件 ▸ 课程”打开另一课。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ Goal reached! %1 Press Next.</source>
        <translation>✓ 目标达成！%1 请按“下一步”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ Goal reached! %1 Press Finish.</source>
        <translation>✓ 目标达成！%1 请按“完成”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the epoch limit</source>
        <translation>轮次上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Now: %1 %.</source>
        <translation>当前：%1 %。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not before epoch %1.</source>
        <translation>至少训练到第 %1 轮。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read this, then press Next.</source>
        <translation>读完后请按“下一步”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: a test accuracy of at least %1 %.</source>
        <translation>目标：测试准确率至少 %1 %。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goal: a training accuracy of at least %1 %.</source>
        <translation>目标：训练准确率至少 %1 %。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goal: a training loss of at most %1.</source>
        <translation>目标：训练损失至多 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+9"/>
        <source>Now: %1.</source>
        <translation>当前：%1。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Goal: a test loss of at most %1.</source>
        <translation>目标：测试损失至多 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goal: make the training diverge (the loss explodes).</source>
        <translation>目标：让训练发散（损失爆炸）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Goal: make the training stall: the loss falls by less than %1 % over %n epoch(s).</source>
        <translation>
            <numerusform>目标：让训练停滞：%n 个轮次内损失下降不到 %1 %。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now: it fell by %1 %.</source>
        <translation>当前：下降了 %1 %。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Goal: train for at least %n epoch(s).</source>
        <translation>
            <numerusform>目标：至少训练 %n 个轮次。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: change %1.</source>
        <translation>目标：修改%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: overfit: the test loss rises %1 % above its lowest while the training loss keeps falling.</source>
        <translation>目标：过拟合：训练损失继续下降，而测试损失比其最低点高出 %1 %。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now: %1 % above its lowest.</source>
        <translation>当前：比最低点高 %1 %。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: press Explain step, then Next until the forward pass reaches the output layer.</source>
        <translation>目标：按“讲解一步”，再按“下一步”，直到前向传播到达输出层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: walk the backward pass with Next until δ reaches the first hidden layer.</source>
        <translation>目标：用“下一步”走完反向传播，直到 δ 到达第一个隐藏层。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goal: walk on with Next to the Update phase, where every weight moves.</source>
        <translation>目标：继续按“下一步”进入“更新”阶段，每个权重都在这里改变。</translation>
    </message>
</context>
<context>
    <name>nnp::LossPlot</name>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="+41"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Loss per batch</source>
        <translation>每批次损失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training MAE</source>
        <translation>训练 MAE</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loss (scaled target)</source>
        <translation>损失（缩放后的目标）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute error (scaled target)</source>
        <translation>平均绝对误差（缩放后的目标）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss: %1</source>
        <translation>训练损失：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation loss: %1</source>
        <translation>验证损失：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training accuracy: %1 %</source>
        <translation>训练准确率：%1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training MAE: %1</source>
        <translation>训练 MAE：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation accuracy: %1 %</source>
        <translation>验证准确率：%1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation MAE: %1</source>
        <translation>验证 MAE：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the target&apos;s own units (the network learns its z-score).</source>
        <translation>以目标自身的单位表示（网络学习的是它的 z 分数）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The MAE is in the target&apos;s own units; this loss does not convert to them and is that of the scaled target.</source>
        <translation>MAE 以目标自身的单位表示；这种损失无法换算到该单位，显示的是缩放后目标上的损失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The outputs have different scales: the loss and the MAE are those of the scaled target.</source>
        <translation>各输出的尺度不同：损失和 MAE 都是缩放后目标上的值。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot export to &quot;%1&quot;: use a file name ending in .png, .svg or .pdf.</source>
        <translation>无法导出到“%1”：文件名须以 .png、.svg 或 .pdf 结尾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not write &quot;%1&quot;.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training-curves.png</source>
        <translation>训练曲线.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>nnp::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="+95"/>
        <location line="+1"/>
        <source>Zoom %1 %</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;empty canvas</source>
        <translation>新建空白画布(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-&amp;layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;nap to grid</source>
        <translation>对齐网格(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit network in view</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset panels</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Samples</source>
        <translation>示例(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Layer palette</source>
        <translation>层库</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1[*] — NN Playground</source>
        <translation>%1[*] — NN Playground</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Copied 1 layer.</source>
        <translation>已复制 1 个层。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied %1 layers.</source>
        <translation>已复制 %1 个层。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The clipboard holds no layers to paste.</source>
        <translation>剪贴板中没有可粘贴的层。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="+28"/>
        <source>NN Playground projects (*.nnp);;All files (*)</source>
        <translation>NN Playground 项目 (*.nnp);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Empty canvas: drag an Input layer from the palette to begin.</source>
        <translation>空白画布：从层面板拖一个“输入”层开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new network, as TensorFlow Playground starts.</source>
        <translation>新网络，与 TensorFlow Playground 的初始网络相同。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

The current project is unchanged.</source>
        <translation>%1

当前项目保持不变。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 有尚未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No samples found</source>
        <translation>未找到示例</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_menu.cpp" line="+31"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;ONNX model…</source>
        <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PyTorch script…</source>
        <translation>PyTorch 脚本(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keras script…</source>
        <translation>Keras 脚本(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weights (JSON or CSV)…</source>
        <translation>权重（JSON 或 CSV）(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data as CSV…</source>
        <translation>数据（CSV）(&amp;D)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Figure (PNG or SVG)…</source>
        <translation>图像（PNG 或 SVG）(&amp;F)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Import ONNX…</source>
        <translation>导入 ONNX(&amp;I)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import an ONNX model</source>
        <translation>导入 ONNX 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not import the ONNX model</source>
        <translation>无法导入 ONNX 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

NN Playground imports Gemm/MatMul (+Add), Relu, LeakyRelu, Elu, Sigmoid, Tanh, Softplus, GELU, Softmax, Flatten, Reshape, Concat, Add, Mul, Dropout, BatchNormalization, Conv, MaxPool, AveragePool, GlobalAveragePool, Gather (an embedding), RNN, LSTM and GRU. The current project is unchanged.</source>
        <translation>%1

NN Playground 可以导入 Gemm/MatMul（+Add）、Relu、LeakyRelu、Elu、Sigmoid、Tanh、Softplus、GELU、Softmax、Flatten、Reshape、Concat、Add、Mul、Dropout、BatchNormalization、Conv、MaxPool、AveragePool、GlobalAveragePool、Gather（嵌入）、RNN、LSTM 和 GRU。当前项目保持不变。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Imported from %1.%2</source>
        <translation>已从 %1 导入。%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported %1 with its weights (%2 layers). Choose data that fits its inputs in the Data panel to train it further.</source>
        <translation>已导入 %1 及其权重（%2 个层）。如需继续训练，请在“数据”面板中选择与其输入相匹配的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/export/figure_sources.cpp" line="+59"/>
        <source>The canvas is empty.</source>
        <translation>画布是空的。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No output yet: the data needs exactly two input features.</source>
        <translation>暂无输出：数据必须恰好有两个输入特征。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Network (canvas)</source>
        <translation>网络（画布）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Output (decision boundary)</source>
        <translation>输出（决策边界）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_recovery.cpp" line="+25"/>
        <source>An untitled project</source>
        <translation>一个未命名的项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NN Playground did not close normally last time. %1 had changes that were not saved; they were kept on %2 in
%3

Restore them?</source>
        <translation>NN Playground 上次没有正常关闭。%1 有未保存的更改；它们已于 %2 保存在
%3

要恢复它们吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The unsaved work of the last session was discarded.</source>
        <translation>上次会话中未保存的工作已放弃。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not restore the unsaved work</source>
        <translation>无法恢复未保存的工作</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restored the unsaved work of the last session.</source>
        <translation>已恢复上次会话中未保存的工作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_start.cpp" line="+43"/>
        <source>Open &amp;data…</source>
        <translation>打开数据(&amp;D)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;page…</source>
        <translation>开始页(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rese&amp;t to sample…</source>
        <translation>重置为示例(&amp;T)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open data</source>
        <translation>打开数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open data %1</source>
        <translation>打开数据 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A network for %1: press Play to train it.</source>
        <translation>已为 %1 生成网络：按“播放”开始训练。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reset to sample</source>
        <translation>重置为示例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open %1 again as it was shipped? The network, its settings and its trained weights are replaced; what you changed is lost unless you saved it elsewhere.</source>
        <translation>重新打开原始的 %1？网络、设置和训练好的权重都会被替换；没有另存的修改将会丢失。</translation>
    </message>
</context>
<context>
    <name>nnp::NeuronView</name>
    <message>
        <location filename="../../ui/explain/neuron_view.cpp" line="+77"/>
        <source>new weight</source>
        <translation>新权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a new weight and press Enter (Esc cancels). Undo with Ctrl+Z.</source>
        <translation>输入新的权重并按 Enter（Esc 取消）。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The neurons appear here once the run is built (press Reset or Play).</source>
        <translation>构建训练后神经元会显示在这里（按“重置”或“开始”）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The network, neuron by neuron</source>
        <translation>逐个神经元展示网络</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>%n neuron(s)</source>
        <translation>
            <numerusform>%n 个神经元</numerusform>
        </translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Edges: blue = positive, orange = negative; thicker = larger. Neurons: the output over the input plane.</source>
        <translation>连线：蓝色为正，橙色为负；越粗绝对值越大。神经元：在输入平面上的输出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dashed edges show ∂E/∂w (blue = positive, orange = negative; thicker = larger).</source>
        <translation>虚线表示 ∂E/∂w（蓝色为正，橙色为负；越粗绝对值越大）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numbers: sample #%1 of the batch.</source>
        <translation>数值：批次中的第 %1 号样本。</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Input x%1</source>
        <translation>输入 x%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · neuron %2</source>
        <translation>%1 · 神经元 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bias b = %1</source>
        <translation>偏置 b = %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Weight %1 = %2</source>
        <translation>权重 %1 = %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click to type a new weight.</source>
        <translation>点击可输入新的权重。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Input x%1 (%2)</source>
        <translation>输入 x%1（%2）</translation>
    </message>
</context>
<context>
    <name>nnp::OpenDataDialog</name>
    <message>
        <location filename="../../ui/start/open_data_dialog.cpp" line="+43"/>
        <source>Open data: %1</source>
        <translation>打开数据：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A network that fits this data will be made: its Input takes the columns, its output and loss match the target. Every choice can be changed here and later.</source>
        <translation>将生成一个适合这些数据的网络：输入层接收各列，输出层和损失函数与目标相匹配。每一项选择都可以在这里修改，之后也可以。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The column the network learns to predict; every other column is an input</source>
        <translation>网络要学习预测的列；其余各列都是输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic: classification when the target is text or a few whole numbers</source>
        <translation>自动：目标为文本或少数几个整数时视为分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units of each hidden layer (ReLU), separated by commas; empty for none</source>
        <translation>每个隐藏层（ReLU）的单元数，用逗号分隔；留空表示没有隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z-score (mean 0, deviation 1)</source>
        <translation>Z 分数（均值 0，标准差 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min–max (0 to 1)</source>
        <translation>最小–最大（0 到 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalise inputs</source>
        <translation>输入归一化</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Make the network</source>
        <translation>生成网络</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Hidden layers: write whole numbers separated by commas, e.g. &quot;16, 8&quot;.</source>
        <translation>隐藏层：请填写用逗号分隔的整数，例如“16, 8”。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>regression: %n linear output unit(s), %1</source>
        <translation>
            <numerusform>回归：%n 个线性输出单元，%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 classes: one sigmoid output unit, %2</source>
        <translation>%1 个类别：一个 sigmoid 输出单元，%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 classes: %1 output units and Softmax, %2</source>
        <translation>%1 个类别：%1 个输出单元加 Softmax，%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dense %1 ReLU</source>
        <translation>Dense %1 ReLU</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Inputs: %n feature(s) from the other columns.</source>
        <translation>
            <numerusform>输入：来自其余各列的 %n 个特征。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output: %1.</source>
        <translation>输出：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network: %1 → output.</source>
        <translation>网络：%1 → 输出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows: %1 — %2 training, %3 validation, %4 test%5.</source>
        <translation>行数：%1 —— 训练 %2，验证 %3，测试 %4%5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (stratified by class)</source>
        <translation>（按类别分层）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training: Adam, learning rate 0.01, batch 32, %1 epochs.</source>
        <translation>训练：Adam，学习率 0.01，批大小 32，%1 轮。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No network can be made: %1</source>
        <translation>无法生成网络：%1</translation>
    </message>
</context>
<context>
    <name>nnp::OutputView</name>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="+15"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Draw the test points (dark rim) as well as the training points (white rim)</source>
        <translation>除训练点（白边）外，也画出测试点（深色边）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint only the winning class instead of the network&apos;s confidence</source>
        <translation>只画出得分最高的类别，而不是网络的置信度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play or Reset: the network&apos;s output over the plane of a two-input dataset appears here.</source>
        <translation>按“开始”或“重置”：网络在双输入数据集平面上的输出会显示在这里。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This run could not start: the message above the training curves and in the status bar says why. Fix it, then press Reset.</source>
        <translation>此次训练无法开始：训练曲线上方和状态栏中的消息说明了原因。修正后按“重置”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The output view draws the network&apos;s decision over a plane, so it needs data with two inputs. The curves show how this run is doing.</source>
        <translation>输出视图在平面上画出网络的决策，因此需要有两个输入的数据。训练曲线显示本次训练的进展。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> 0</source>
        <translation> 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>○ white rim: training &amp;nbsp; ● dark rim: test</source>
        <translation>○ 白边：训练 &amp;nbsp; ● 深色边：测试</translation>
    </message>
</context>
<context>
    <name>nnp::PaletteWidget</name>
    <message>
        <location filename="../../ui/panels/palette_widget.cpp" line="+130"/>
        <source>Drag a layer onto the canvas, or double-click it.</source>
        <translation>把层拖到画布上，或双击添加。</translation>
    </message>
</context>
<context>
    <name>nnp::PlaneCanvas</name>
    <message>
        <location filename="../../ui/viz/plane_canvas.cpp" line="+19"/>
        <source>No data to show yet.</source>
        <translation>暂无可显示的数据。</translation>
    </message>
</context>
<context>
    <name>nnp::PresentationMode</name>
    <message>
        <location filename="../../ui/presentation/presentation_mode.cpp" line="+185"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full screen, large text and one activity&apos;s panels, for a projector (F5; F5 or Esc leaves)</source>
        <translation>全屏、大字号，只显示当前活动的面板，适合投影（F5；按 F5 或 Esc 退出）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Build</source>
        <translation>搭建(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Explain</source>
        <translation>讲解(&amp;E)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>P&amp;resentation</source>
        <translation>演示(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text &amp;size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text </source>
        <translation>文字 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The size of all text, plots and the canvas while presenting</source>
        <translation>演示时所有文字、图表和画布的大小</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave presentation</source>
        <translation>退出演示</translation>
    </message>
</context>
<context>
    <name>nnp::ProbeResultView</name>
    <message>
        <location filename="../../ui/insights/probe_view.cpp" line="+143"/>
        <source>No probe input yet.</source>
        <translation>尚无探针输入。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Prediction: %1 (%2 %)</source>
        <translation>预测：%1（%2%）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activations per layer</source>
        <translation>各层激活值</translation>
    </message>
</context>
<context>
    <name>nnp::ProbeRowEditor</name>
    <message>
        <location filename="../../ui/insights/probe_row_editor.cpp" line="+13"/>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type a row as the CSV has it (categories as text), or paste a whole comma-separated line into the first field:</source>
        <translation>按 CSV 里的写法输入一行（类别写成文字），或把一整行逗号分隔的值粘贴到第一个输入框：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The network&apos;s prediction for this row, read as `nnp predict` reads one</source>
        <translation>网络对这一行的预测，读取方式与 `nnp predict` 相同</translation>
    </message>
</context>
<context>
    <name>nnp::ProbeView</name>
    <message>
        <location filename="../../ui/insights/probe_view.cpp" line="+37"/>
        <source>Press Reset or Play to build the network, then probe it here.</source>
        <translation>按“重置”或“开始”构建网络，然后在这里探测。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draw a digit (right button erases):</source>
        <translation>画一个数字（右键擦除）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Probe at (%1, %2)</source>
        <translation>探测点 (%1, %2)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Click (or drag) on the output view&apos;s plane to probe a point.</source>
        <translation>在输出视图的平面上点击（或拖动）以探测某个点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The probe works on two-dimensional data (click the output view) and on images (draw on a pad).</source>
        <translation>探针适用于二维数据（点击输出视图）和图像（在画板上绘制）。</translation>
    </message>
</context>
<context>
    <name>nnp::ProblemsBar</name>
    <message>
        <location filename="../../ui/panels/problems_bar.cpp" line="+48"/>
        <source>Apply this fix (Ctrl+Z undoes it)</source>
        <translation>应用此修正（Ctrl+Z 可撤销）</translation>
    </message>
</context>
<context>
    <name>nnp::RunShelf</name>
    <message>
        <location filename="../../ui/runs/run_shelf.cpp" line="+92"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1 (reference)</source>
        <translation>训练 %1（基准）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1: same settings</source>
        <translation>训练 %1：设置相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run %1: %2</source>
        <translation>训练 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current run</source>
        <translation>当前训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current run: same settings</source>
        <translation>当前训练：设置相同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current run: %1</source>
        <translation>当前训练：%1</translation>
    </message>
</context>
<context>
    <name>nnp::RunsDocks</name>
    <message>
        <location filename="../../ui/runs/runs_docks.cpp" line="+25"/>
        <source>Compare runs</source>
        <translation>对比训练</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep run</source>
        <translation>保留训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this run&apos;s curves and boundary to compare with the next runs (K)</source>
        <translation>保留这次训练的曲线和决策边界，与之后的训练对比（K）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kept run %1: change something, train again and compare.</source>
        <translation>已保留训练 %1：改动一处，再训练一次并对比。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Runs side by side</source>
        <translation>训练对比</translation>
    </message>
</context>
<context>
    <name>nnp::SampleTitles</name>
    <message>
        <location filename="../../ui/start/sample_titles.cpp" line="+18"/>
        <source>Bag of words</source>
        <translation>词袋模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reviews&apos; word vectors averaged, so word order is lost.</source>
        <translation>把评论的词向量取平均，因此丢失了词序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calculus grades</source>
        <translation>微积分成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistic regression is a single neuron: one sigmoid unit and binary cross-entropy.</source>
        <translation>逻辑回归就是一个神经元：一个 sigmoid 单元加二元交叉熵。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Circle</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One class inside a ring of the other.</source>
        <translation>一类点在内部，被另一类点组成的圆环包围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits 8×8</source>
        <translation>8×8 手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits as 8×8 images: a small MNIST.</source>
        <translation>8×8 图像的手写数字：一个小型 MNIST。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits 8×8, CNN</source>
        <translation>8×8 手写数字：卷积网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten 8×8 digits through a small convolutional network.</source>
        <translation>用一个小型卷积网络识别 8×8 手写数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Essay scorer (LSTM)</source>
        <translation>作文评分器（LSTM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Embedding and an LSTM read reviews word by word and score their sentiment.</source>
        <translation>嵌入层和 LSTM 逐词读取评论，并给出情感评分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian blobs</source>
        <translation>高斯点团</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two blobs, almost linearly separable.</source>
        <translation>两团点，几乎线性可分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fisher&apos;s iris flowers: 4 measurements, 3 species.</source>
        <translation>费希尔的鸢尾花数据：4 个测量值，3 个品种。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST CNN</source>
        <translation>MNIST 卷积网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course&apos;s MNIST CNN, exactly as in the Keras example.</source>
        <translation>课程中的 MNIST 卷积网络，与 Keras 示例完全相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST, small CNN</source>
        <translation>MNIST：小型卷积网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small convolutional network on MNIST whose training a class can watch.</source>
        <translation>MNIST 上的小型卷积网络，全班可以实时观看它的训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MNIST subset</source>
        <translation>MNIST 子集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6,000 training and 1,000 test images of handwritten digits.</source>
        <translation>6000 张训练图像和 1000 张测试图像的手写数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Palmer penguins</source>
        <translation>帕尔默企鹅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 measurements and two categorical columns as one-hot inputs.</source>
        <translation>4 个测量值和两个类别列（独热编码输入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommender</source>
        <translation>推荐系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course&apos;s learning-resource recommender.</source>
        <translation>课程中的学习资源推荐系统。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommender (dot product)</source>
        <translation>推荐系统（点积）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix factorisation: user and item vectors whose dot product predicts a like.</source>
        <translation>矩阵分解：用户向量与物品向量的点积预测是否喜欢。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SAT and ACT scores</source>
        <translation>SAT 与 ACT 成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression: predict the SAT quantitative score.</source>
        <translation>回归：预测 SAT 数学成绩。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences, LSTM</source>
        <translation>序列：LSTM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vanishing gradients, part 2: the same sequences read by an LSTM.</source>
        <translation>梯度消失（二）：用 LSTM 读取同样的序列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequences, SimpleRNN</source>
        <translation>序列：SimpleRNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vanishing gradients, part 1: a SimpleRNN reads sequences of 25 steps.</source>
        <translation>梯度消失（一）：SimpleRNN 读取 25 步的序列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved spirals, the hardest of the playground&apos;s four.</source>
        <translation>两条交错的螺旋，是四个经典数据集中最难的一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three spirals</source>
        <translation>三条螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three interleaved spirals: a multi-class problem.</source>
        <translation>三条交错的螺旋：多分类问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why convolution: CNN</source>
        <translation>为什么用卷积：卷积网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part 2: convolutions find the strokes of shifted digits wherever they are.</source>
        <translation>第二部分：无论平移到哪里，卷积都能找到数字的笔画。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why convolution: MLP</source>
        <translation>为什么用卷积：多层感知机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part 1: an MLP learns centred digits, then meets digits moved by a pixel or two.</source>
        <translation>第一部分：多层感知机学习居中的数字，然后遇到平移了一两个像素的数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classic problem a single neuron cannot solve.</source>
        <translation>单个神经元无法解决的经典问题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 · The neuron and the layer</source>
        <translation>1 · 神经元与层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One neuron draws one line; a layer draws several.</source>
        <translation>一个神经元画一条线；一层神经元画出多条线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 · The forward pass</source>
        <translation>2 · 前向传播</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sample&apos;s numbers flow layer by layer: z, then a.</source>
        <translation>样本的数值逐层流动：先算 z，再算 a。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 · Activation functions</source>
        <translation>3 · 激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without activation functions a deep network is one linear map.</source>
        <translation>没有激活函数，深层网络只是一个线性映射。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 · The loss</source>
        <translation>4 · 损失函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How wrong a prediction is, averaged over the batch.</source>
        <translation>预测错了多少，在一个批次上取平均。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 · The backward pass</source>
        <translation>5 · 反向传播</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>δ at the output, the chain rule carrying it back, ∂E/∂w on every edge.</source>
        <translation>输出层的 δ，链式法则把它向后传递，每条边得到 ∂E/∂w。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6 · Gradient descent and the learning rate</source>
        <translation>6 · 梯度下降与学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too small crawls, too large diverges.</source>
        <translation>太小则爬行缓慢，太大则发散。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 · Mini-batch vs full batch</source>
        <translation>7 · 小批量与全批量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noisy fast steps against smooth slow ones.</source>
        <translation>有噪声的快步与平滑的慢步。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 · Overfitting and the train/test split</source>
        <translation>8 · 过拟合与训练/测试划分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss falls, test loss rises.</source>
        <translation>训练损失下降，测试损失上升。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>9 · L1/L2 and dropout</source>
        <translation>9 · L1/L2 正则化与 Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course&apos;s two answers to overfitting.</source>
        <translation>课程中应对过拟合的两种方法。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 · Vanishing gradients and ReLU</source>
        <translation>10 · 梯度消失与 ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deep sigmoid networks stop learning at the bottom.</source>
        <translation>深层 sigmoid 网络的底层停止学习。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 · Optimizers: SGD vs Adam</source>
        <translation>11 · 优化器：SGD 与 Adam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD against Adam on the same problem.</source>
        <translation>在同一个问题上比较 SGD 与 Adam。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 · CNN on images</source>
        <translation>12 · 图像上的卷积网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters that slide over handwritten digits, feature maps and kernels.</source>
        <translation>在手写数字上滑动的滤波器、特征图与卷积核。</translation>
    </message>
</context>
<context>
    <name>nnp::StartPage</name>
    <message>
        <location filename="../../ui/start/sample_catalog.cpp" line="+167"/>
        <source>Basics</source>
        <translation>基础</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text &amp; sequences</source>
        <translation>文本与序列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/start/start_page.cpp" line="+156"/>
        <source>Start — NN Playground</source>
        <translation>开始 — NN Playground</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>NN Playground</source>
        <translation>NN Playground</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build neural networks and watch them learn.</source>
        <translation>搭建神经网络，看着它们学习。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New empty project</source>
        <translation>新建空项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open data (CSV)…</source>
        <translation>打开数据（CSV）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No samples found.</source>
        <translation>未找到示例。</translation>
    </message>
</context>
<context>
    <name>nnp::TrainingController</name>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="+238"/>
        <source>There is no project to train.</source>
        <translation>没有可训练的项目。</translation>
    </message>
</context>
<context>
    <name>nnp::TrainingDocks</name>
    <message>
        <location filename="../../ui/panels/training_docks.cpp" line="+76"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
</context>
<context>
    <name>nnp::TrainingSession</name>
    <message>
        <location filename="../../ui/training/training_session.cpp" line="+22"/>
        <source>The network cannot be built:</source>
        <translation>无法构建网络：</translation>
    </message>
</context>
<context>
    <name>nnp::TrainingToolbar</name>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="+59"/>
        <source>Ready to train</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initialised</source>
        <translation>已初始化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <comment>status: a run is going on</comment>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target reached</source>
        <translation>已达目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot train</source>
        <translation>无法训练</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+61"/>
        <location line="+180"/>
        <source>Play</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train on one mini-batch (S)</source>
        <translation>用一个小批量训练一步（S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step epoch</source>
        <translation>单轮</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train to the end of the current epoch (E)</source>
        <translation>训练到当前这一轮结束（E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start again: rebuild the network from the editor and initialise it with the seed (R)</source>
        <translation>重新开始：按编辑器中的结构重建网络，并用随机种子初始化（R）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Learning rate: the size of each step down the loss (applies at once)</source>
        <translation>学习率：沿损失下降方向每一步的大小（立即生效）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Samples per mini-batch (applies from the next batch)</source>
        <translation>每个小批量的样本数（从下一批开始生效）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per layer</source>
        <translation>按层设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regularisation of the weights of every Dense and Conv2D layer: sets each layer&apos;s L1/L2 rate (saved with the project, applied to a running training at once); &quot;Per layer&quot; when the layers differ (set them in the inspector)</source>
        <translation>所有全连接层和二维卷积层权重的正则化：设置每层的 L1/L2 系数（随项目保存，对正在进行的训练立即生效）；各层设置不同时显示“按层设置”（在属性面板中设置）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Regularisation rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 steps/s</source>
        <translation>每秒 %1 步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 epoch/s</source>
        <translation>每秒 1 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 epochs/s</source>
        <translation>每秒 %1 轮</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Change regularisation</source>
        <translation>更改正则化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="-233"/>
        <location line="+241"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Pace: single steps a class can follow on the left, as fast as possible on the right</source>
        <translation>节奏：左边是全班能跟上的单步，右边是尽可能快</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pace</source>
        <translation>节奏</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train continuously (Space)</source>
        <translation>持续训练（空格）</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+250"/>
        <source>Epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <location line="-248"/>
        <location line="+249"/>
        <source>Samples %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The network cannot train yet: fix the problems shown on the canvas first</source>
        <translation>网络还不能训练：请先修正画布上显示的问题</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Network changed — press Reset to apply</source>
        <translation>网络已更改——按“重置”生效</translation>
    </message>
</context>
<context>
    <name>nnp::TrainingWorker</name>
    <message>
        <location filename="../../ui/training/training_worker.cpp" line="+70"/>
        <source>An unknown error stopped the training.</source>
        <translation>训练因未知错误而停止。</translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>Opened the trained model (%n epoch(s)). Play continues training it; Reset starts again from the seed.</source>
        <translation>
            <numerusform>已打开训练过的模型（%n 轮）。按“开始”继续训练；按“重置”从随机种子重新开始。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened the trained model: %1 epochs, the epoch limit. Raise it to continue, or press Reset.</source>
        <translation>已打开训练过的模型：%1 轮，已达轮数上限。提高上限可继续训练，或按“重置”。</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>Training diverged in epoch %1: the loss became infinite, not a number, or exploded (a million times its starting size). The view shows the weights from the end of the last completed epoch.</source>
        <translation>训练在第 %1 轮发散：损失变为无穷大、非数值，或爆炸（达到初始值的一百万倍）。视图显示的是最后一个完成轮次结束时的权重。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Likely cause: the inputs reach %1, far from unit scale. In the Data panel, set &quot;Normalise inputs&quot; to Z-score and press Reset.</source>
        <translation>可能的原因：输入值达到 %1，远离单位尺度。请在数据面板中把“输入归一化”设为 Z 分数，然后按重置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Likely cause: the target reaches %1, far from unit scale, so the first errors and steps are huge. In the Data panel, tick &quot;Scale the target&quot; (or lower the learning rate) and press Reset.</source>
        <translation>可能的原因：目标值达到 %1，远离单位尺度，因此最初的误差和步长都很大。请在数据面板中勾选“缩放目标值”（或降低学习率），然后按重置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Likely cause: the learning rate is too high for this network and data. Lower it and press Reset.</source>
        <translation>可能的原因：对这个网络和数据来说学习率太高。请降低学习率，然后按重置。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reached the target loss %1 after %2 epochs.</source>
        <translation>经过 %2 轮后达到目标损失 %1。</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+192"/>
        <source>Finished: %1 epochs, the epoch limit. Raise it to continue, or press Reset.</source>
        <translation>已完成：%1 轮，已达轮数上限。提高上限可继续训练，或按“重置”。</translation>
    </message>
</context>
<context>
    <name>nnp::UnrolledCanvas</name>
    <message>
        <location filename="../../ui/insights/unrolled_view.cpp" line="+159"/>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden state h</source>
        <translation>隐藏状态 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cell state c</source>
        <translation>细胞状态 c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gates %1</source>
        <translation>门 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(pad)</source>
        <translation>（填充）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>step %1 · %2</source>
        <translation>第 %1 步 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>padding (the state stays)</source>
        <translation>填充（状态不变）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>h[%1] = %2</source>
        <translation>h[%1] = %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>c[%1] = %2</source>
        <translation>c[%1] = %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: mean %2 (from %3 to %4)</source>
        <translation>%1：平均 %2（从 %3 到 %4）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>output after this word: %1</source>
        <translation>读到这个词后的输出：%1</translation>
    </message>
</context>
<context>
    <name>nnp::UnrolledView</name>
    <message>
        <location line="+26"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or type a sentence</source>
        <translation>或输入一个句子</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Press Reset or Play to build the network; one sentence then goes through its recurrent layer here, word by word.</source>
        <translation>按“重置”或“播放”构建网络；随后一个句子会在这里逐词经过它的循环层。</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 (%2, %3 units): %n step(s). Colours: orange −1, white 0, blue +1.</source>
        <translation>
            <numerusform>%1（%2，%3 个单元）：%n 步。颜色：橙色 −1，白色 0，蓝色 +1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnp::WindowMapsCanvas</name>
    <message>
        <location filename="../../ui/explain/window_view.cpp" line="+212"/>
        <source> · channel %1</source>
        <translation> · 通道 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input x%1</source>
        <translation>输入 x%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>∂E/∂k · filter %1</source>
        <translation>卷积核 %1 的 ∂E/∂k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel k · filter %1</source>
        <translation>卷积核 %1 的权重 k</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>δ · filter %1</source>
        <translation>特征图 %1 的 δ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>∂E/∂a · channel %1</source>
        <translation>∂E/∂a · 通道 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a · filter %1</source>
        <translation>特征图 %1 的 a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a · channel %1</source>
        <translation>a · 通道 %1</translation>
    </message>
</context>
<context>
    <name>nnp::WindowView</name>
    <message>
        <location line="+69"/>
        <source>◀ Position</source>
        <translation>◀ 位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Position ▶</source>
        <translation>位置 ▶</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>input channel </source>
        <translation>输入通道 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which input feature map (and which channel of the kernel) to show.</source>
        <translation>显示哪张输入特征图（以及卷积核的哪个通道）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous output position, in reading order.</source>
        <translation>按阅读顺序的上一个输出位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next output position: watch the window slide.</source>
        <translation>下一个输出位置：看窗口滑动。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>filter </source>
        <translation>卷积核 </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>channel </source>
        <translation>通道 </translation>
    </message>
</context>
</TS>
