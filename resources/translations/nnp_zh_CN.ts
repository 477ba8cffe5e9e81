<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GraphCommands</name>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="22"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="39"/>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="56"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="65"/>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="98"/>
        <source>Delete wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="98"/>
        <source>Delete wires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="100"/>
        <source>Delete layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="100"/>
        <source>Delete %1 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="107"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="131"/>
        <location filename="../../ui/commands/graph_commands.cpp" line="177"/>
        <location filename="../../ui/commands/graph_commands.cpp" line="197"/>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="152"/>
        <source>Paste layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/commands/graph_commands.cpp" line="152"/>
        <source>Paste %1 layers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerCatalog</name>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="10"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="11"/>
        <source>Dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="12"/>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="13"/>
        <source>Softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="14"/>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="15"/>
        <source>Batch norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="16"/>
        <source>Concatenate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="17"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="18"/>
        <source>Flatten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="26"/>
        <source>Where the data enters: one value per feature of a sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="27"/>
        <source>Neurons that each weigh every input, add a bias and apply an activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="28"/>
        <source>Bends its input with a function such as ReLU or tanh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="29"/>
        <source>Turns scores into class probabilities that sum to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="30"/>
        <source>While training, switches off random units so the network cannot memorise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="31"/>
        <source>Rescales each feature to mean 0 and spread 1 over the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="32"/>
        <source>Joins several inputs end to end into one longer vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="33"/>
        <source>Adds inputs of the same shape element by element (a skip connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="34"/>
        <source>Lays an image or grid out as one long row of numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="82"/>
        <source>Linear (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="83"/>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="84"/>
        <source>Leaky ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="85"/>
        <source>ELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="86"/>
        <source>GELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="87"/>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="88"/>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="89"/>
        <source>Softplus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="97"/>
        <source>Uniform ±0.5 (Playground)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="98"/>
        <source>Glorot uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="99"/>
        <source>Glorot normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="100"/>
        <source>He uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="101"/>
        <source>He normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="102"/>
        <source>Zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="110"/>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="111"/>
        <source>AdaGrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="112"/>
        <source>RMSProp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="113"/>
        <source>Adadelta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="114"/>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="115"/>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="123"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="124"/>
        <source>Step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="125"/>
        <source>Exponential decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="126"/>
        <source>Cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="134"/>
        <source>Mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="135"/>
        <source>Mean absolute error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="136"/>
        <source>Huber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="137"/>
        <source>Binary cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="138"/>
        <source>Categorical cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="139"/>
        <source>Sparse categorical cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="148"/>
        <source>shape %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="150"/>
        <source>1 unit · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="151"/>
        <source>%1 units · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="153"/>
        <source>drop %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/layer_catalog.cpp" line="154"/>
        <source>momentum %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::DataPanel</name>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="43"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="44"/>
        <source>Exclusive or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="45"/>
        <source>Two blobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="46"/>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="47"/>
        <source>Plane (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="48"/>
        <source>Bumps (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="49"/>
        <source>Two moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="50"/>
        <source>Checkerboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="51"/>
        <source>Three spirals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="86"/>
        <source>Built-in generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="87"/>
        <location filename="../../ui/panels/data_panel.cpp" line="365"/>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="88"/>
        <source>IDX images (MNIST format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="89"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="99"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="100"/>
        <source>Z-score (mean 0, deviation 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="101"/>
        <source>Min–max (0 to 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="102"/>
        <source>Fitted on the training split only, and stored with the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="103"/>
        <source>Normalise inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="112"/>
        <source>data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="119"/>
        <source>normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="153"/>
        <source>dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="162"/>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="164"/>
        <location filename="../../ui/panels/data_panel.cpp" line="176"/>
        <location filename="../../ui/panels/data_panel.cpp" line="289"/>
        <location filename="../../ui/panels/data_panel.cpp" line="292"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="165"/>
        <source>noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="174"/>
        <source>Training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="177"/>
        <source>train/test ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="182"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="183"/>
        <source>Part of the data held out to measure the validation loss each epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="184"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="185"/>
        <source>validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="191"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="192"/>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="197"/>
        <source>Another number draws other points from the same distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="198"/>
        <source>Data seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="199"/>
        <source>data seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="203"/>
        <source>Inputs the network sees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="209"/>
        <source>features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="222"/>
        <location filename="../../ui/panels/data_panel.cpp" line="257"/>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="223"/>
        <location filename="../../ui/panels/data_panel.cpp" line="258"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="227"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="229"/>
        <source>Open CSV data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="230"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="235"/>
        <source>The column the network learns to predict; every other column is an input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="236"/>
        <source>Target column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="238"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="239"/>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="240"/>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="241"/>
        <source>Automatic: classification when the target is text or a few whole numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="242"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="253"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="253"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="253"/>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="253"/>
        <source>Test labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="257"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="317"/>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="330"/>
        <source>input shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="372"/>
        <source>Last column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="400"/>
        <source>CSV columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="405"/>
        <source>Open IDX file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="406"/>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel.cpp" line="416"/>
        <source>IDX files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::DataPanelPreview</name>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="107"/>
        <source>No data chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="158"/>
        <source>%1 points, %2 classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="159"/>
        <source>%1 points, regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="160"/>
        <source>%1 training, %2 validation, %3 test</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/data_panel_preview.cpp" line="164"/>
        <source>%n network input(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="173"/>
        <source>Choose a CSV file: one header row, one sample per row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="178"/>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="187"/>
        <source>&quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="200"/>
        <source>%1 (target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="216"/>
        <source>%1 features, %2 classes (target &quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="217"/>
        <source>%1 features, regression (target &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="218"/>
        <source>the first %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="218"/>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="227"/>
        <source>Choose an IDX image file and its label file (MNIST&apos;s format, plain or .gz).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/data_panel_preview.cpp" line="252"/>
        <source>%1 images of %2×%3 pixels, %4 classes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::F</name>
    <message>
        <location filename="../../ui/training/training_worker.cpp" line="38"/>
        <source>An unknown error stopped the training.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::GraphDocument</name>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="36"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="141"/>
        <source>That layer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="143"/>
        <source>A layer cannot feed itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="145"/>
        <source>%1 is where data enters: nothing can be wired into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="153"/>
        <source>This wire would make a loop (%1 already leads to %2) — a network must flow one way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="163"/>
        <source>%1 already feeds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="165"/>
        <source>%1 takes one input and already has one — remove that wire first, or merge the two with Concatenate or Add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="169"/>
        <source>Input slot %1 of %2 is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/document/graph_document.cpp" line="172"/>
        <source>Invalid input slot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::GraphScene</name>
    <message>
        <location filename="../../ui/editor/edge_item.cpp" line="18"/>
        <source>A wire: select it and press Delete to remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="96"/>
        <source>Auto-layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="294"/>
        <source>Release to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="296"/>
        <source>Drop the wire on the input of another layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="297"/>
        <source>Drop the wire on the output of another layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="323"/>
        <source>Connected %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="376"/>
        <source>Added %1 — drag from its right dot to wire it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="391"/>
        <source>Delete wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/graph_scene.cpp" line="391"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="46"/>
        <source>out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="48"/>
        <source>out ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="63"/>
        <source>1 param</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="63"/>
        <source>%L1 params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="78"/>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/node_item.cpp" line="78"/>
        <source>Warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/port_item.cpp" line="17"/>
        <source>Output: drag from here to an input to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/editor/port_item.cpp" line="18"/>
        <source>Input: drag a wire here from another layer&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::InspectorHyperparametersForm</name>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="41"/>
        <source>Training settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="47"/>
        <source>Select a layer on the canvas to edit it; with nothing selected these settings of the run are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="64"/>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="69"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="73"/>
        <source>optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="75"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="75"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="78"/>
        <source>How big a step each update takes. Too large diverges, too small crawls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="79"/>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="79"/>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="81"/>
        <source>Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="84"/>
        <source>Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="85"/>
        <source>Beta 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="85"/>
        <source>beta 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="86"/>
        <source>Beta 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="86"/>
        <source>beta 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="87"/>
        <source>Rho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="87"/>
        <source>rho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="88"/>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="88"/>
        <source>alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="89"/>
        <source>Epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="89"/>
        <source>epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="90"/>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="90"/>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="93"/>
        <source>Learning-rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="98"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="101"/>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="106"/>
        <source>Every (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="108"/>
        <source>step epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="109"/>
        <source>Factor (gamma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="109"/>
        <source>gamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="110"/>
        <source>Final rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="110"/>
        <source>final rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="113"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="118"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="121"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="123"/>
        <source>Huber delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="129"/>
        <source>Samples averaged for each update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="130"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="132"/>
        <source>batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="137"/>
        <source>Passes over the training data before the run stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="138"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="140"/>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="141"/>
        <source>Stop at loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="141"/>
        <source>target loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="142"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="143"/>
        <source>Stop as soon as an epoch&apos;s training loss is this low (0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="148"/>
        <source>The same seed gives the same starting weights and the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="149"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="151"/>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="152"/>
        <source>Shuffle the samples every epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_hyperparameters_form.cpp" line="155"/>
        <source>shuffle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::InspectorLayerForm</name>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="58"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="64"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="71"/>
        <source>e.g. 2 or 28x28x1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="72"/>
        <source>Values per sample: one number for a vector, or sizes joined by x for a grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="73"/>
        <source>Input shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="78"/>
        <source>Write the shape as positive sizes joined by x, for example 2 or 28x28x1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="81"/>
        <source>input shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="88"/>
        <source>How many neurons this layer has (its output size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="89"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="91"/>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="97"/>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="100"/>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="104"/>
        <source>Leaky slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="106"/>
        <source>leaky slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="108"/>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="110"/>
        <source>ELU alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="116"/>
        <source>How the weights are chosen before training starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="117"/>
        <source>Initialiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="120"/>
        <source>initialiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="123"/>
        <source>Add a bias to each neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="125"/>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="127"/>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="131"/>
        <source>L1 penalty on the weights: pushes unneeded weights to exactly zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="132"/>
        <source>L1 regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="134"/>
        <source>L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="137"/>
        <source>L2 penalty on the weights: keeps every weight small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="138"/>
        <source>L2 regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="140"/>
        <source>L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="145"/>
        <source>The fraction of units switched off at each training step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="146"/>
        <source>Drop rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="148"/>
        <source>drop rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="152"/>
        <source>How fast the running mean and variance used for predictions follow the batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="153"/>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="155"/>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="158"/>
        <source>Added to the variance so that a constant feature does not divide by zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="159"/>
        <source>Epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="161"/>
        <source>epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="219"/>
        <source>Output shape: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="221"/>
        <source>Output shape: unknown until the layer is wired up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/inspector_layer_form.cpp" line="228"/>
        <source>Trainable parameters: %L1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::InspectorWidget</name>
    <message>
        <location filename="../../ui/panels/inspector_widget.cpp" line="52"/>
        <source>%1 layers selected. Move them together, copy them (Ctrl+C) or delete them (Del); select a single layer to edit its settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::LossPlot</name>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="37"/>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="40"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="41"/>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="62"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="63"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="69"/>
        <source>Loss per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="72"/>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="75"/>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="141"/>
        <source>Training accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="141"/>
        <source>Training MAE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="142"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="142"/>
        <source>Mean absolute error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="255"/>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="256"/>
        <source>Training loss: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="258"/>
        <source>Validation loss: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="260"/>
        <source>Training accuracy: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="262"/>
        <source>Training MAE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="265"/>
        <source>Validation accuracy: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="266"/>
        <source>Validation MAE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="299"/>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="309"/>
        <source>Cannot export to &quot;%1&quot;: use a file name ending in .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="313"/>
        <source>Could not write &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="320"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="320"/>
        <source>training-curves.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/plots/loss_plot.cpp" line="321"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="55"/>
        <location filename="../../ui/main_window.cpp" line="56"/>
        <source>Zoom %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="91"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="95"/>
        <source>New &amp;empty canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="95"/>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="100"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="107"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="109"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="109"/>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="111"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="114"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="117"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="118"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="120"/>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="120"/>
        <source>Ctrl+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="121"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="125"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="127"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="129"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="131"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="133"/>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="135"/>
        <source>Auto-&amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="135"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="140"/>
        <source>S&amp;nap to grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="140"/>
        <source>Ctrl+G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="145"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="146"/>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="148"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="150"/>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="150"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="152"/>
        <source>&amp;Fit network in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="152"/>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="154"/>
        <source>&amp;Reset panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="165"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="169"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="170"/>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="179"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="189"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="193"/>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="196"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="212"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="220"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="236"/>
        <source>%1[*] — NN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="291"/>
        <source>Copied 1 layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="291"/>
        <source>Copied %1 layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="301"/>
        <source>Cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="314"/>
        <source>The clipboard holds no layers to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="25"/>
        <source>NN Playground projects (*.nnp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="40"/>
        <source>Empty canvas: drag an Input layer from the palette to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="41"/>
        <source>A new network, as TensorFlow Playground starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="67"/>
        <source>Could not open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="68"/>
        <source>%1

The current project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="73"/>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="80"/>
        <source>Open a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="90"/>
        <source>Save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="98"/>
        <source>Could not save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="102"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="111"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="111"/>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="155"/>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="158"/>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_files.cpp" line="179"/>
        <source>No samples found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::OutputView</name>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="15"/>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="16"/>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="31"/>
        <source>Draw the test points (dark rim) as well as the training points (white rim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="32"/>
        <source>Paint only the winning class instead of the network&apos;s confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="35"/>
        <source>Press Play or Reset: the network&apos;s output over the plane of a two-input dataset appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="59"/>
        <source>The output view draws the network&apos;s decision over a plane, so it needs data with two inputs. The curves show how this run is doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="79"/>
        <source>−1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="79"/>
        <source> 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="80"/>
        <source>+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="84"/>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/output_view.cpp" line="89"/>
        <source>○ white rim: training &amp;nbsp; ● dark rim: test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::PaletteWidget</name>
    <message>
        <location filename="../../ui/panels/palette_widget.cpp" line="128"/>
        <source>Drag a layer onto the canvas, or double-click it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::PlaneCanvas</name>
    <message>
        <location filename="../../ui/viz/plane_canvas.cpp" line="17"/>
        <source>No data to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/viz/plane_canvas.cpp" line="131"/>
        <source>horizontal: %1    vertical: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::TrainingController</name>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="118"/>
        <source>There is no project to train.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::TrainingDocks</name>
    <message>
        <location filename="../../ui/training/training_docks.cpp" line="73"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/training/training_docks.cpp" line="78"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/training/training_docks.cpp" line="83"/>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/training/training_docks.cpp" line="99"/>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::TrainingToolbar</name>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="72"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="116"/>
        <location filename="../../ui/panels/training_toolbar.cpp" line="234"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="118"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="120"/>
        <source>Train on one mini-batch (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="121"/>
        <source>Step epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="123"/>
        <source>Train to the end of the current epoch (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="124"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="126"/>
        <source>Start again: rebuild the network from the editor and initialise it with the seed (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="140"/>
        <source>Speed: slow motion on the left, as fast as the machine allows on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="142"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="149"/>
        <source>Learning rate: the size of each step down the loss (applies at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="151"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="156"/>
        <source>Samples per mini-batch (applies from the next batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="158"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="161"/>
        <source>Per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="162"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="163"/>
        <source>L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="164"/>
        <source>L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="165"/>
        <source>Regularisation of every Dense layer&apos;s weights while training; &quot;Per layer&quot; uses each layer&apos;s own setting from the inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="174"/>
        <source>Regularisation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="177"/>
        <source>Regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="204"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="218"/>
        <source>batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="234"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="236"/>
        <source>Pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="236"/>
        <source>Train continuously (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="248"/>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="249"/>
        <source>Samples %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panels/training_toolbar.cpp" line="263"/>
        <source>Network changed — press Reset to apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nnp::TrainingWorker</name>
    <message>
        <location filename="../../ui/training/training_worker.cpp" line="224"/>
        <source>Training diverged in epoch %1: the loss became infinite or not a number. The view shows the last finite weights. Lower the learning rate and press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/training/training_worker.cpp" line="244"/>
        <source>Reached the target loss %1 after %2 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/training/training_worker.cpp" line="249"/>
        <source>Finished: %1 epochs, the epoch limit. Raise it to continue, or press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
